/**
 * Several PCs on one office server (issue 18, item 5 and "Bad input and failures"), each PC a
 * ServerDatabase of its own signed in as its person: another PC's write is seen through the data's
 * version; a connection cut in the middle of a write leaves nothing half-written (rows and the
 * audit chain) and the next call works; a server stopped and started again; a certificate
 * replaced by one of another CA is refused (no connection goes through; plain TCP without TLS is
 * refused by the server itself, cluster.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion } from '../../../../electron/data/queries/data-version';
import { ServerDatabase } from '../../../../electron/data/postgres/server-database';
import { AppError } from '../../../../electron/errors';
import { installServerCertificate, serverPaths, startCluster, stopCluster } from '../../../../electron/server/cluster';
import { connectVerified } from '../../../../electron/server/connect';
import { createCertificateAuthority, issueServerCertificate } from '../../../../electron/server/tls';
import { AuditService } from '../../../../electron/services/audit';
import { CasesService } from '../../../../electron/services/cases';
import { DEFAULT_SETTINGS } from '../../../../electron/services/office';
import type { Actor } from '../../../../electron/session/context';
import type { Role } from '../../../../shared/domain/roles';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';
import { writeFamily } from './family-rows';

let office: ServerOffice;
let worker: Person;
/** PC 1: the social worker's; PC 2: the kierownik's. */
let pc1: ServerDatabase;
let pc2: ServerDatabase;

beforeAll(async () => {
  office = await startServerOffice();
  worker = await office.addPerson('anna', ['social_worker']);
  pc1 = await ServerDatabase.open(office.server.as(worker.role, worker.password));
  pc2 = await ServerDatabase.open(office.server.as(office.head.role, office.head.password));
}, 120_000);

afterAll(async () => {
  await pc1?.close();
  await pc2?.close();
  await office?.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome, 'the call should have been refused').toBeInstanceOf(AppError);
  return outcome as AppError;
}

async function withSuperuser<T>(work: (admin: Awaited<ReturnType<typeof connectVerified>>) => Promise<T>): Promise<T> {
  const admin = await connectVerified(office.server.superuser());
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

interface ChainState {
  count: number;
  /** The head the trigger keeps in `setting`. */
  head: { id: number; hash: string } | null;
  /** The last entry. */
  last: { id: number; hash: string } | null;
}

/** What the superuser sees of the audit chain: its length, the kept head and the last entry. */
async function chain(): Promise<ChainState> {
  const admin = await connectVerified(office.server.superuser());
  try {
    const count = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;
    const head = (await admin.query<{ value: string }>("SELECT value FROM setting WHERE key = 'audit.head'")).rows[0]?.value;
    const last = (await admin.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0];
    return { count, head: head ? (JSON.parse(head) as { id: number; hash: string }) : null, last: last ? { id: last.id, hash: last.hash } : null };
  } finally {
    await admin.end();
  }
}

const verify = () => pc2.read((m) => new AuditService({ now: () => new Date() }).verify(m));

const appendEntry = (actorId: string, action: string) => `INSERT INTO audit_log (id, at, actor_id, action, details, prev_hash, hash) VALUES (0, '', '${actorId}', '${action}', '{}', '', '')`;

const draftsOf = async (key: string): Promise<number> => {
  const admin = await connectVerified(office.server.superuser());
  try {
    return (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM form_draft WHERE key = $1', [key])).rows[0]!.n;
  } finally {
    await admin.end();
  }
};

const clock = { now: () => new Date() };
const audit = new AuditService(clock);
const cases = new CasesService(clock, audit);

function actor(person: Person, roles: Role[]): Actor {
  return { user: { id: person.id, login: person.login, firstName: person.login, lastName: 'Testowa', roles }, settings: DEFAULT_SETTINGS };
}

/** A promise with its resolve, to hold a transaction open at a chosen point. */
function gate(): { open: () => void; passed: Promise<void> } {
  let open: () => void = () => undefined;
  const passed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, passed };
}

/**
 * A race between two PCs: PC A runs `first` and holds its transaction open after it; PC B runs
 * `second` meanwhile (waiting for A's row, or — without the hold — reading the old state); then A
 * commits. Returns A's result and what B was refused with (null when B went through).
 */
async function race<T>(a: ServerDatabase, first: (m: EntityManager) => Promise<T>, b: ServerDatabase, second: (m: EntityManager) => Promise<unknown>): Promise<{ first: T; refused: unknown }> {
  const done = gate();
  const commit = gate();
  const held = a.write(async (m) => {
    const out = await first(m);
    done.open();
    await commit.passed;
    return out;
  });
  await done.passed;
  const other = b.write(second).then(
    () => null,
    (error: unknown) => error,
  );
  await new Promise((r) => setTimeout(r, 300));
  commit.open();
  return { first: await held, refused: await other };
}

describe('two PCs on one office server', () => {
  it('two people save the same wywiad at once: the first is stored, the second gets CONFLICT and overwrites nothing', async () => {
    const assistant = await office.addPerson('beata', ['family_assistant']);
    const family = await writeFamily(worker.client, worker.id, assistant.id, 'Wiśniewska');
    const interviewId = family.rows['interview']![0]!;
    const save = (place: string) => ({ id: interviewId, expectedVersion: 1, conductedOn: null, place, segments: {}, documents: {}, income: { items: [] } });
    const before = await chain();

    // PC 1 (the worker) saves and keeps its transaction open; PC 2 (the kierownik) saves the same
    // version meanwhile, then PC 1 commits.
    const { first, refused } = await race(
      pc1,
      (m) => cases.saveInterview(m, save('u rodziny (PC 1)'), actor(worker, ['social_worker'])),
      pc2,
      (m) => cases.saveInterview(m, save('w ośrodku (PC 2)'), actor(office.head, ['head'])),
    );
    expect(first.version).toBe(2);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('CONFLICT');
    expect((refused as AppError).message).toMatch(/Wywiad został w międzyczasie zapisany/);

    const stored = await withSuperuser((admin) => admin.query<{ place: string; version: number }>('SELECT place, version FROM interview WHERE id = $1', [interviewId]));
    expect(stored.rows).toEqual([{ place: 'u rodziny (PC 1)', version: 2 }]);
    const after = await chain();
    expect(after.count).toBe(before.count + 1);
    expect(after.head).toEqual(after.last);
    expect(await verify()).toMatchObject({ ok: true, checked: after.count });
  });

  it('two PCs take the same step of one case at once (start the wywiad): one goes through, the other gets CONFLICT and writes nothing', async () => {
    const assistant = await office.addPerson('celina', ['family_assistant']);
    const family = await writeFamily(worker.client, worker.id, assistant.id, 'Zielińska');
    await withSuperuser((admin) => admin.query("UPDATE case_file SET status = 'REPORTED' WHERE id = $1", [family.caseId]));
    // The same worker on a second PC.
    const pc3 = await ServerDatabase.open(office.server.as(worker.role, worker.password));
    try {
      const interviews = () => withSuperuser(async (admin) => (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM interview WHERE case_id = $1', [family.caseId])).rows[0]!.n);
      const before = { chain: await chain(), interviews: await interviews() };
      const { refused } = await race(
        pc1,
        (m) => cases.startInterview(m, family.caseId, actor(worker, ['social_worker'])),
        pc3,
        (m) => cases.startInterview(m, family.caseId, actor(worker, ['social_worker'])),
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('CONFLICT');
      expect((refused as AppError).message).toMatch(/zmieniono w międzyczasie na innym komputerze \(stan: Wywiad/);

      const status = await withSuperuser((admin) => admin.query<{ status: string }>('SELECT status FROM case_file WHERE id = $1', [family.caseId]));
      expect(status.rows).toEqual([{ status: 'INTERVIEW' }]);
      expect(await interviews()).toBe(before.interviews + 1);
      const after = await chain();
      // One transition and one new wywiad, from the first PC only.
      expect(after.count).toBe(before.chain.count + 2);
      expect(await verify()).toMatchObject({ ok: true, checked: after.count });
    } finally {
      await pc3.close();
    }
  });

  it('two PCs start the update of one wywiad at once: one draft is made, the other is refused in Polish', async () => {
    const assistant = await office.addPerson('dorota', ['family_assistant']);
    const family = await writeFamily(worker.client, worker.id, assistant.id, 'Kamińska');
    await withSuperuser(async (admin) => {
      await admin.query("UPDATE case_file SET status = 'IN_PROGRESS' WHERE id = $1", [family.caseId]);
      await admin.query("UPDATE interview SET status = 'completed', conducted_on = '2026-01-10', completed_at = '2026-01-10T10:00:00.000Z' WHERE case_id = $1", [family.caseId]);
    });
    const pc3 = await ServerDatabase.open(office.server.as(worker.role, worker.password));
    try {
      const drafts = () => withSuperuser(async (admin) => (await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM interview WHERE case_id = $1 AND status = 'draft'", [family.caseId])).rows[0]!.n);
      const { refused } = await race(
        pc1,
        (m) => cases.startInterviewUpdate(m, family.caseId, actor(worker, ['social_worker'])),
        pc3,
        (m) => cases.startInterviewUpdate(m, family.caseId, actor(worker, ['social_worker'])),
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('INVALID_STATE');
      expect((refused as AppError).message).toMatch(/jest już rozpoczęty wywiad lub jego aktualizacja/);
      expect(await drafts()).toBe(1);
    } finally {
      await pc3.close();
    }
  });

  it("sees another PC's write in the data's version, which every role may read", async () => {
    const before = await pc1.read((m) => dataVersion(m));
    expect(before).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(await pc1.read((m) => dataVersion(m))).toBe(before);
    await pc2.write((m) => m.query(appendEntry(office.head.id, 'office.update')));
    const after = await pc1.read((m) => dataVersion(m));
    expect(after).not.toBe(before);
    // The same head on both PCs.
    expect(await pc2.read((m) => dataVersion(m))).toBe(after);
  });

  it('a connection cut in the middle of a write: SERVER_UNREACHABLE in Polish, nothing half-written, the next call works', async () => {
    const before = await chain();
    let backend: (pid: number) => void = () => undefined;
    const started = new Promise<number>((resolve) => {
      backend = resolve;
    });
    const outcome = pc1.write(async (m) => {
      await m.query("INSERT INTO form_draft (user_id, key, data, updated_at) VALUES ($1, 'przerwany', '{}', '2026-12-03T10:00:00.000Z')", [worker.id]);
      await m.query(appendEntry(worker.id, 'case.update'));
      const rows = (await m.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      backend(rows[0]!.pid);
      // Still in the transaction when the connection is cut.
      await m.query('SELECT pg_sleep(20)');
    });
    // Settled as soon as it fails (awaited below, after the cut).
    const write = outcome.then(
      () => null,
      (error: unknown) => error,
    );
    const pid = await started;
    const admin = await connectVerified(office.server.superuser());
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    const error = await write;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SERVER_UNREACHABLE');
    expect((error as AppError).message).toMatch(/serwer/i);
    expect((error as AppError).message).toMatch(/Nic nie zostało zapisane/);

    expect(await draftsOf('przerwany')).toBe(0);
    const after = await chain();
    expect(after).toEqual(before);
    expect(after.head).toEqual(after.last);
    expect(await verify()).toMatchObject({ ok: true, checked: before.count });

    // The pool drops the dead connection: the next write goes through whole.
    await pc1.write(async (m) => {
      await m.query("INSERT INTO form_draft (user_id, key, data, updated_at) VALUES ($1, 'przerwany', '{}', '2026-12-03T10:01:00.000Z')", [worker.id]);
      await m.query(appendEntry(worker.id, 'case.update'));
    });
    expect(await draftsOf('przerwany')).toBe(1);
    expect((await chain()).count).toBe(before.count + 1);
    expect(await verify()).toMatchObject({ ok: true, checked: before.count + 1 });
  });

  it('a server certificate from another CA is refused with SERVER_CERT, at sign-in and at reconnection; the proper one back, the PC goes on', async () => {
    const paths = serverPaths(office.server.dir);
    const original = { certPem: readFileSync(join(paths.dataDir, 'server.crt'), 'utf8'), keyPem: readFileSync(join(paths.dataDir, 'server.key'), 'utf8') };
    const info = office.server.as(worker.role, worker.password);
    // PC 1 is signed in; its connections end (as at a server restart), so its next call connects anew.
    await pc1.read((m) => dataVersion(m));
    await withSuperuser((admin) => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [worker.role]));
    try {
      await installServerCertificate(office.server.dir, issueServerCertificate(createCertificateAuthority('podstawiony'), ['127.0.0.1']));
      // The server loads the new certificate on reload (asynchronously): wait for the first refusal.
      let refused: AppError | null = null;
      for (let attempt = 0; attempt < 40 && refused === null; attempt++) {
        const outcome = await ServerDatabase.open(info).then(
          async (db) => (await db.close(), null),
          (error: unknown) => error,
        );
        if (outcome instanceof AppError && outcome.code === 'SERVER_CERT') refused = outcome;
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(refused?.message).toMatch(/nie pochodzi od serwera tego biura/);

      // PC 1's next connection meets the new certificate and is refused the same way (a dead
      // pooled connection may first answer SERVER_UNREACHABLE); no call goes through.
      const codes: string[] = [];
      for (let attempt = 0; attempt < 3; attempt++) codes.push((await failure(pc1.read((m) => dataVersion(m)))).code);
      expect(codes).toContain('SERVER_CERT');
      expect(codes.every((code) => code === 'SERVER_CERT' || code === 'SERVER_UNREACHABLE')).toBe(true);
    } finally {
      await installServerCertificate(office.server.dir, original);
    }
    // The proper certificate back: PC 1 works again without signing in anew.
    for (let attempt = 0; ; attempt++) {
      const ok = await pc1.read((m) => dataVersion(m)).then(
        () => true,
        () => false,
      );
      if (ok) break;
      if (attempt > 40) throw new Error('the original certificate was not taken back');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('a server stopped: SERVER_UNREACHABLE, nothing written; started again: the same PC goes on', async () => {
    const before = await chain();
    await stopCluster(office.server.dir);
    try {
      const error = await failure(pc1.write((m) => m.query(appendEntry(worker.id, 'case.update'))));
      expect(error.code).toBe('SERVER_UNREACHABLE');
      expect(error.message).toMatch(/Nic nie zostało zapisane/);
      expect((await failure(pc2.read((m) => dataVersion(m)))).code).toBe('SERVER_UNREACHABLE');
    } finally {
      await startCluster(office.server.dir);
    }
    expect(await chain()).toEqual(before);
    let version: string | null = null;
    for (let attempt = 0; attempt < 3 && version === null; attempt++) {
      version = await pc1.read((m) => dataVersion(m)).catch(() => null);
    }
    expect(version).toBe(`${before.head!.id}:${before.head!.hash}`);
    await pc1.write((m) => m.query(appendEntry(worker.id, 'case.update')));
    expect(await verify()).toMatchObject({ ok: true, checked: before.count + 1 });
  });
});
