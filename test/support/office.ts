/**
 * The test office's fixed data, without vitest: the tests (support/backend.ts) and the benchmarks
 * (whose session runs in a child process that should load no test runner) share it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScryptParams } from '../../electron/db/keyring';

/** Cheap KDF for tests; the cost itself is measured by `npm run bench`. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

export const OFFICE = {
  name: 'Gminny Ośrodek Pomocy Społecznej w Bielicach',
  street: 'ul. Szkolna 12',
  postalCode: '74-202',
  city: 'Bielice',
  gmina: 'Bielice',
};

export const HEAD = { firstName: 'Grażyna', lastName: 'Żółkiewska', login: 'gzolkiewska', password: 'Kierownik-2026!' };

export function tempDir(prefix = 'asysta-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
