/**
 * Crash safety: a child process writes records in a loop and is killed with SIGKILL at random
 * moments. After each kill the database must open, pass `PRAGMA integrity_check` and the audit
 * chain check, and hold every record whose save the child had reported.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend';
import { AuditEntity, OfficeEntity, UserEntity } from '../../../electron/db/entities';
import { findUserSlot, openSlot } from '../../../electron/db/keyring';
import { FAST_SCRYPT, HEAD, setUpOffice, testBackend } from '../../support/backend';

const KILLS = 15;

/** A small seeded generator, so that a failing run can be repeated with its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Printed {
  users: Map<string, string>;
  reset: Set<string>;
  off: Set<string>;
  officeSeq: number;
}

/** Runs the writer until `delayMs` after it signed in, then kills it; returns the lines it printed. */
function runAndKill(dataDir: string, run: number, delayMs: number): Promise<{ lines: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/kill-writer.ts', dataDir, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const startup = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer did not sign in within 30 s: ${stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.includes('READY\n')) {
        clearTimeout(startup);
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(startup);
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`the writer stopped by itself (code ${code}): ${stderr}`));
        return;
      }
      // Only whole lines were printed; a cut-off last line is not a report.
      const lines = out.split('\n');
      lines.pop();
      resolve({ lines: lines.filter((l) => l !== 'READY'), stderr });
    });
  });
}

let dataDir = '';
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it(`holds every reported record through ${KILLS} SIGKILLs at random moments`, async () => {
    const t = testBackend();
    dataDir = t.dataDir;
    await setUpOffice(t);
    await t.backend.close();

    const seed = Number(process.env['KILL_SEED'] ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const printed: Printed = { users: new Map(), reset: new Set(), off: new Set(), officeSeq: -1 };
    const verifier = createBackend({ dataDir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });
    const perRun: number[] = [];

    for (let run = 0; run < KILLS; run += 1) {
      const delay = Math.round(100 + random() * 700);
      const context = `run ${run}, ${delay} ms after sign-in, KILL_SEED=${seed}`;
      const { lines } = await runAndKill(dataDir, run, delay);
      perRun.push(lines.length);
      for (const line of lines) {
        const [kind, a, b] = line.split(' ');
        if (kind === 'user' && a && b) printed.users.set(a, b);
        else if (kind === 'off' && a) printed.off.add(a);
        else if (kind === 'reset' && a) printed.reset.add(a);
        else if (kind === 'office' && a) printed.officeSeq = Math.max(printed.officeSeq, Number(a));
        else throw new Error(`unexpected line "${line}" (${context})`);
      }

      // The slot file is whole (written by rename) and still opens with the kierownik's password.
      const keyring = await verifier.readKeyring();
      const masterKey = await verifier.unwrapWithPassword(keyring, HEAD.login, HEAD.password);
      expect(masterKey, context).not.toBeNull();
      const db = await verifier.openDatabase(masterKey!, { migrate: false });
      try {
        expect(await db.integrityCheck(), context).toEqual([]);
        const chain = await db.read((m) => verifier.audit.verify(m));
        expect(chain, context).toMatchObject({ ok: true });
        const users = new Map((await db.read((m) => m.getRepository(UserEntity).find())).map((u) => [u.login, u]));
        for (const [login, id] of printed.users) expect(users.get(login)?.id, `${login} (${context})`).toBe(id);
        for (const login of printed.off) {
          expect(users.get(login)?.active, `${login} switched off (${context})`).toBe(false);
          expect(findUserSlot(keyring, login), `${login} has no key slot (${context})`).toBeUndefined();
        }
        const office = await db.read((m) => m.getRepository(OfficeEntity).findOneByOrFail({ id: 1 }));
        if (printed.officeSeq >= 0) expect(Number(office.name.replace('Ośrodek nr ', '')), context).toBeGreaterThanOrEqual(printed.officeSeq);
        const created = await db.read((m) => m.getRepository(AuditEntity).findBy({ action: 'user.create' }));
        const logged = new Set(created.map((e) => e.entityId));
        for (const id of printed.users.values()) expect(logged.has(id), `audit entry for ${id} (${context})`).toBe(true);
        // Every reset (a key change) is on record; a reset not yet followed by the switch-off opens today's key.
        const resets = new Set((await db.read((m) => m.getRepository(AuditEntity).findBy({ action: 'user.password_reset' }))).map((e) => e.entityId));
        for (const login of printed.reset) {
          expect(resets.has(printed.users.get(login) ?? ''), `reset of ${login} on record (${context})`).toBe(true);
          const slot = findUserSlot(keyring, login);
          if (slot) expect((await openSlot(keyring, slot, 'Nowe-haslo-testowe-2'))?.equals(masterKey!), `${login}'s new password (${context})`).toBe(true);
        }
        // No slot without an active account, and no active account's slot lost beyond the last one created.
        const activeIds = new Set([...users.values()].filter((u) => u.active).map((u) => u.id));
        const orphans = keyring.slots.filter((s) => s.kind === 'user' && !activeIds.has(s.userId ?? ''));
        expect(orphans.length, `slots without an active account (${context})`).toBeLessThanOrEqual(1);
      } finally {
        await db.close();
        masterKey!.fill(0);
      }
    }
    await verifier.close();
    console.log(
      `kill test (KILL_SEED=${seed}): ${printed.users.size} users, ${printed.reset.size} password resets and ${printed.off.size} switch-offs (each a key change), records reported per run: ${perRun.join(', ')}`,
    );
    expect(printed.users.size).toBeGreaterThan(KILLS);
  }, 120_000);
});
