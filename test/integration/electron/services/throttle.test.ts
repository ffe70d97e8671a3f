/**
 * Guessing passwords (issue 14, Medium 3): attempts are taken one at a time, the delay holds across
 * parallel calls, other logins and restarts, and failed attempts reach the audit trail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { THROTTLE_FILE } from '../../../../electron/services/throttle';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function office(): Promise<TestBackend> {
  const t = testBackend();
  cleanups.push(() => t.cleanup());
  await setUpOffice(t);
  await t.call('session:logout', {});
  return t;
}

describe('login throttle', () => {
  it('takes 50 parallel wrong passwords one at a time: one is tried, 49 wait out the delay', async () => {
    const t = await office();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.backend.invoke('session:login', { login: HEAD.login, password: `zle-haslo-${i}` })));
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    expect(codes.filter((c) => c === 'WRONG_PASSWORD')).toHaveLength(1);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(49);
  });

  it('slows down a new login each time as well, and keeps the delay and the attempts across a restart', async () => {
    const t = await office();
    for (let i = 0; i < 5; i += 1) {
      expect((await t.fail('session:login', { login: `nieznany${i}`, password: 'cokolwiek-123' })).code).toBe('WRONG_PASSWORD');
    }
    // The fifth failure over all logins started an office-wide delay: even a new login waits.
    expect((await t.fail('session:login', { login: 'jeszczeinny', password: 'cokolwiek-123' })).code).toBe('RATE_LIMITED');
    expect(readFileSync(join(t.dataDir, THROTTLE_FILE), 'utf8')).not.toContain('nieznany');

    // The app is closed and started again: the delay still runs, the attempts are still there.
    await t.backend.close();
    const again = testBackend(t.dataDir);
    cleanups.push(() => again.backend.close());
    again.clock.set(t.clock.now());
    expect((await again.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('RATE_LIMITED');
    again.clock.advance(61_000);
    await again.call('session:login', { login: HEAD.login, password: HEAD.password });
    const failed = await again.call('audit:list', { action: 'session.login_failed' });
    expect(failed.map((e) => e.details['login']).sort()).toEqual(['nieznany0', 'nieznany1', 'nieznany2', 'nieznany3', 'nieznany4']);
  });

  it('starts at the longest delay when the file of attempts was edited by hand, and says so in the audit trail', async () => {
    const t = await office();
    expect((await t.fail('session:login', { login: HEAD.login, password: 'zle-haslo-1' })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(2_000);
    const file = join(t.dataDir, THROTTLE_FILE);
    const edited = JSON.parse(readFileSync(file, 'utf8')) as { overall: { failures: number } };
    edited.overall.failures = 0;
    writeFileSync(file, JSON.stringify(edited));
    await t.backend.close();
    const again = testBackend(t.dataDir);
    cleanups.push(() => again.backend.close());
    again.clock.set(t.clock.now());
    expect((await again.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('RATE_LIMITED');
    again.clock.advance(61_000);
    await again.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect(await again.call('audit:list', { action: 'session.throttle_tampered' })).toHaveLength(1);
  });
});
