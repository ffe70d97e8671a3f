/**
 * Time to open and unlock the database, split into the deliberate scrypt cost (the key slot)
 * and everything else (reading the slot file, opening SQLCipher, migrations check, session).
 * Targets (issue 2): scrypt ~0.25–0.5 s on an office PC; everything else ≤ 300 ms.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { findUserSlot, openSlot } from '../../electron/db/keyring';
import { HEAD, OFFICE, tempDir } from '../support/office';
import { median, percentile, report } from './stats';

export async function benchUnlock(rounds = 7): Promise<void> {
  const dataDir = tempDir('asysta-bench-');
  const backend = createBackend({ dataDir, idleCheckMs: 0 });
  try {
    const setup = await backend.invoke('setup:create', { office: OFFICE, head: HEAD });
    if (!setup.ok) throw new Error(setup.error.message);
    const scrypt: number[] = [];
    const login: number[] = [];
    const unlock: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const keyring = await backend.readKeyring();
      const slot = findUserSlot(keyring, HEAD.login)!;
      let t0 = performance.now();
      (await openSlot(keyring, slot, HEAD.password))!.fill(0);
      scrypt.push(performance.now() - t0);

      t0 = performance.now();
      const l = await backend.invoke('session:login', { login: HEAD.login, password: HEAD.password });
      login.push(performance.now() - t0);
      if (!l.ok) throw new Error(l.error.message);
      await backend.invoke('session:lock', {});
      t0 = performance.now();
      const u = await backend.invoke('session:unlock', { password: HEAD.password });
      unlock.push(performance.now() - t0);
      if (!u.ok) throw new Error(u.error.message);
      await backend.invoke('session:logout', {});
    }
    const s = median(scrypt);
    report('unlock', [
      ['scrypt (N=2^16, r=8) — deliberate cost', s, percentile(scrypt, 95)],
      ['login total', median(login), percentile(login, 95)],
      ['login minus scrypt (target ≤ 300 ms)', median(login) - s, null],
      ['unlock total', median(unlock), percentile(unlock, 95)],
      ['unlock minus scrypt (target ≤ 300 ms)', median(unlock) - s, null],
    ]);
  } finally {
    await backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
