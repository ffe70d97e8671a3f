import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../../../electron/data/audit-chain';
import { ServerDatabase } from '../../../../electron/data/postgres/server-database';
import { AuditService } from '../../../../electron/services/audit';
import { startServerOffice, type Person, type ServerOffice } from '../../../support/server-office';

let office: ServerOffice;
let worker: Person;
beforeAll(async () => {
  office = await startServerOffice();
  worker = await office.addPerson('anna', ['social_worker']);
}, 120_000);
afterAll(() => office?.close());

interface Row {
  id: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  case_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const append = (client: pg.Client, actorId: string | null, action: string, details: unknown, extra: Partial<Row> = {}) =>
  client.query(
    `INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [extra.id ?? 0, extra.at ?? '1999-01-01T00:00:00.000Z', actorId, action, extra.entity_type ?? null, extra.entity_id ?? null, extra.case_id ?? null, canonicalJson(details), extra.prev_hash ?? 'x', extra.hash ?? 'y'],
  );

const rows = async (): Promise<Row[]> => (await office.admin.query<Row>('SELECT * FROM audit_log ORDER BY id')).rows;

async function verify() {
  const db = await ServerDatabase.open(office.server.as(office.head.role, office.head.password));
  try {
    return await db.read((m) => new AuditService({ now: () => new Date() }).verify(m));
  } finally {
    await db.close();
  }
}

describe('the audit trail on the server', () => {
  it('starts with the office’s creation, chained by the database and verified by the app’s own verify', async () => {
    const chain = await rows();
    expect(chain.map((r) => [r.id, r.action, r.actor_id])).toEqual([
      [1, 'user.create', office.head.id],
      [2, 'office.create', office.head.id],
    ]);
    expect(chain[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(await verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it('numbers, times and hashes each entry itself, whatever the client sent, exactly as the TypeScript hash does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }), async (text, action) => {
        const clean = (s: string) => s.replace(/\0/g, '');
        await append(worker.client, worker.id, clean(action) || 'x', { text: clean(text), nested: { list: [clean(text), 1, null, true] } }, { id: 999_999, prev_hash: GENESIS_HASH, hash: 'f'.repeat(64) });
        const [last] = (await office.admin.query<Row>('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1')).rows;
        const { hash, ...rest } = last!;
        expect(last!.id).not.toBe(999_999);
        expect(last!.at).not.toBe('1999-01-01T00:00:00.000Z');
        expect(hash).toBe(
          entryHash({ id: rest.id, at: rest.at, actorId: rest.actor_id, action: rest.action, entityType: rest.entity_type, entityId: rest.entity_id, caseId: rest.case_id, details: rest.details, prevHash: rest.prev_hash }),
        );
      }),
      { numRuns: 60 },
    );
    const chain = await rows();
    chain.forEach((row, i) => {
      expect(row.id).toBe(i + 1);
      expect(row.prev_hash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
    });
    expect(await verify()).toMatchObject({ ok: true, checked: chain.length });
  });

  it('keeps one unbroken chain under concurrent writers, rolled-back transactions leaving no gap', async () => {
    const before = (await rows()).length;
    const clients = [office.head, worker, await office.addPerson('beata', ['social_worker'])];
    let committed = 0;
    await Promise.all(
      clients.map(async (person, n) => {
        for (let i = 0; i < 15; i += 1) {
          await person.client.query('BEGIN');
          await append(person.client, person.id, 'test.concurrent', { writer: n, i });
          if (i % 4 === 3) await person.client.query('ROLLBACK');
          else {
            await person.client.query('COMMIT');
            committed += 1;
          }
        }
      }),
    );
    const chain = await rows();
    // The third person's account adds its own user entry only if user management writes one; count the test's.
    expect(chain.filter((r) => r.action === 'test.concurrent')).toHaveLength(committed);
    expect(chain.length).toBeGreaterThanOrEqual(before + committed);
    expect(await verify()).toMatchObject({ ok: true, checked: chain.length });
  });

  it('is append-only: nobody but the schema owner updates, deletes or truncates it', async () => {
    for (const person of [worker, office.head]) {
      await expect(person.client.query(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toMatchObject({ code: '42501' });
      await expect(person.client.query('DELETE FROM audit_log WHERE id = 1')).rejects.toMatchObject({ code: '42501' });
      await expect(person.client.query('TRUNCATE audit_log')).rejects.toMatchObject({ code: '42501' });
      await expect(person.client.query(`UPDATE setting SET value = '{}' WHERE key = 'audit.head'`)).resolves.toMatchObject({ rowCount: 0 });
    }
    // Even the cluster's superuser, who holds every grant, meets the trigger.
    await expect(office.admin.query(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow('Dziennika zdarzeń nie można zmieniać');
    await expect(office.admin.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow('Dziennika zdarzeń nie można zmieniać');
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('a worker reads only her own entries and cannot write one in another’s name', async () => {
    const seen = (await worker.client.query<Row>('SELECT * FROM audit_log')).rows;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.actor_id === worker.id)).toBe(true);
    await expect(append(worker.client, office.head.id, 'forged', {})).rejects.toMatchObject({ code: '42501' });
  });

  it('an entry changed behind the triggers’ back (superuser, replication mode) is found by verify', async () => {
    await office.admin.query('BEGIN');
    await office.admin.query('SET LOCAL session_replication_role = replica');
    await office.admin.query(`UPDATE audit_log SET details = '{"changed":true}' WHERE id = 3`);
    await office.admin.query('COMMIT');
    expect(await verify()).toMatchObject({ ok: false, firstBrokenId: 3 });
  });
});
