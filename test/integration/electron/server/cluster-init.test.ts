/**
 * initCluster's failures (electron/server/cluster.ts): a failed init takes back what it made and
 * nothing else, so that the folder can be used again; no real PostgreSQL needed (a stand-in
 * initdb that fails).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/errors';
import { initCluster } from '../../../../electron/server/cluster';
import { tempDir } from '../../../support/backend';

const root = tempDir('asysta-init-');
// Reachable by the service account (asysta-pg when run as root), like /srv would be.
chmodSync(root, 0o755);
const bin = join(root, 'bin');
mkdirSync(bin, { mode: 0o755 });
const script = (name: string, body: string): void => writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
script('pg_ctl', 'echo "pg_ctl (PostgreSQL) 15.18"');
script('postgres', 'exit 0');
script('initdb', 'echo "initdb: error: could not create directory: No space left on device" >&2\nexit 1');
const env = { ...process.env, ASYSTA_PG_BIN: bin };

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('a failed server init', () => {
  it('says why in Polish and leaves no half-made server behind (the folder it created is gone)', async () => {
    const dir = join(root, 'nowy');
    const error = await failure(initCluster({ dir, port: 55999, hosts: ['127.0.0.1'], env }));
    expect(error.message).toMatch(/^initdb nie utworzył klastra PostgreSQL:\n.*No space left on device/);
    expect(existsSync(dir)).toBe(false);
  });

  it('keeps what was in the folder before, and the folder can be used again', async () => {
    const dir = join(root, 'istniejacy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notatka.txt'), 'moje');
    await failure(initCluster({ dir, port: 55999, hosts: ['127.0.0.1'], env }));
    expect(readdirSync(dir)).toEqual(['notatka.txt']);
    // Not refused as "already a server" the second time.
    expect((await failure(initCluster({ dir, port: 55999, hosts: ['127.0.0.1'], env }))).message).toMatch(/^initdb nie utworzył/);
  });

  it('refuses a folder that already holds a server, changing nothing', async () => {
    const dir = join(root, 'zajety');
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(join(dir, 'data', 'PG_VERSION'), '15\n');
    const error = await failure(initCluster({ dir, port: 55999, hosts: ['127.0.0.1'], env }));
    expect(error.message).toMatch(/jest już serwer Asysty — nie zmieniono niczego/);
    expect(readdirSync(join(dir, 'data'))).toEqual(['PG_VERSION']);
  });
});
