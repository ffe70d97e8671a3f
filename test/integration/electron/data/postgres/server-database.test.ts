/**
 * The services on the office server (issue 18, item 1): ServerDatabase opened as the kierownik
 * and as social workers, each with her own login role, and the same services the embedded
 * database runs — cases from the report to the request, numbering under concurrent writers,
 * the audit chain computed by the server and verified by the app, and row-level security
 * refusing a worker another worker's case.
 */
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeInput } from '../../../../../shared/cases';
import { analysisSaveSchema, intakeSchema, interviewSaveSchema } from '../../../../../shared/cases';
import { makePesel } from '../../../../../shared/domain/pesel';
import type { Role } from '../../../../../shared/domain/roles';
import type { Settings } from '../../../../../shared/ipc';
import { systemClock } from '../../../../../electron/clock';
import { entryHash } from '../../../../../electron/data/audit-chain';
import { ServerDatabase, serverFailure } from '../../../../../electron/data/postgres/server-database';
import { SERVER_SCHEMA_VERSION } from '../../../../../electron/data/postgres/schema';
import { nextNumber } from '../../../../../electron/data/queries/numbering';
import { CaseEventEntity, CaseEntity, FormDraftEntity } from '../../../../../electron/db/entities';
import { AppError } from '../../../../../electron/errors';
import { AuditService } from '../../../../../electron/services/audit';
import { CasesService } from '../../../../../electron/services/cases';
import { OfficeService } from '../../../../../electron/services/office';
import type { Actor } from '../../../../../electron/session/context';
import { freePort } from '../../../../support/postgres';
import { startServerOffice, type Person, type ServerOffice } from '../../../../support/server-office';

const audit = new AuditService(systemClock);
const cases = new CasesService(systemClock, audit);
const office = new OfficeService(systemClock, audit);

let server: ServerOffice;
let anna: Person;
let beata: Person;
const open: ServerDatabase[] = [];

async function connect(person: Person): Promise<ServerDatabase> {
  const db = await ServerDatabase.open(server.server.as(person.role, person.password));
  open.push(db);
  return db;
}

async function actorOf(db: ServerDatabase, person: Person, roles: Role[]): Promise<Actor> {
  const settings: Settings = await db.read((m) => office.settings(m));
  return { user: { id: person.id, login: person.login, firstName: person.login, lastName: 'Testowa', roles }, settings };
}

function intake(birthDate: string, serial: number, reportedOn: string, lastName = 'Żółć'): IntakeInput {
  return {
    reportedOn,
    source: 'school',
    report: 'Syn często opuszcza zajęcia, przychodzi głodny.',
    urgent: false,
    family: { kind: 'family', street: 'ul. Polna 3', postalCode: '74-202', city: 'Bielice', rural: true, farmHectares: 2.5 },
    members: [{ relation: 'applicant', inHousehold: true, person: { pesel: makePesel(birthDate, 'F', serial), firstName: 'Małgorzata', lastName, birthDate, sex: 'F' } }],
  };
}

const SEGMENTS = {
  'I.A': { familyComposition: 'Matka i syn.' },
  'I.H': { needs: 'Pomoc w organizacji opieki nad synem.' },
  'I.I': { diagnosis: 'Bezradność opiekuńczo-wychowawcza.', conclusions: 'Wskazane wsparcie asystenta rodziny.' },
  'I.J': { helpPlan: 'Wniosek o asystenta.' },
};

beforeAll(async () => {
  server = await startServerOffice();
  anna = await server.addPerson('anna', ['social_worker']);
  beata = await server.addPerson('beata', ['social_worker']);
}, 120_000);

afterAll(async () => {
  for (const db of open) await db.close();
  await server?.close();
});

describe('the services on the office server', () => {
  let annaCase: { id: string; number: string };

  it('take a case from the report through the interview to the request, as the worker herself, with the chain kept by the server', async () => {
    const db = await connect(anna);
    const actor = await actorOf(db, anna, ['social_worker']);
    annaCase = await db.write((m) => cases.create(m, intakeSchema.parse(intake('1991-04-17', 211, '2026-03-02')), actor));
    expect(annaCase.number).toBe(`${actor.settings.caseNumberPrefix}.1.2026`);

    const { interviewId } = await db.write((m) => cases.startInterview(m, annaCase.id, actor));
    let interview = await db.write((m) => cases.interview(m, interviewId, actor));
    interview = await db.write((m) =>
      cases.saveInterview(m, interviewSaveSchema.parse({ id: interviewId, expectedVersion: interview.version, conductedOn: '2026-03-02', place: 'Mieszkanie', segments: SEGMENTS, documents: {}, income: { items: [] } }), actor),
    );
    interview = await db.write((m) => cases.completeInterview(m, interviewId, interview.version, actor));
    expect(interview.status).toBe('completed');
    await db.write((m) => cases.saveAnalysis(m, analysisSaveSchema.parse({ caseId: annaCase.id, reasons: ['poverty'], strengths: '', resources: '', conclusions: 'Asystent.', consentOn: '2026-03-02' }), actor));
    const request = await db.write((m) => cases.fileRequest(m, annaCase.id, 'Bezradność w sprawach opiekuńczo-wychowawczych.', actor, '2026-03-03'));
    expect(request.status).toBe('pending');

    const file = await db.write((m) => cases.file(m, annaCase.id, actor));
    expect(file).toMatchObject({ number: annaCase.number, status: 'ASSISTANT_REQUESTED' });
    expect(file.family.members.map((x) => x.person.lastName)).toEqual(['Żółć']);

    // Her entries, as the server numbered and hashed them; the whole chain checks for the kierownik.
    const own = await db.read((m) => audit.list(m, { caseId: annaCase.id, limit: 100 }));
    expect(own.map((e) => e.action)).toEqual(expect.arrayContaining(['case.create', 'interview.complete', 'analysis.create', 'request.create', 'case.open']));
    const head = await connect(server.head);
    const chain = await head.read((m) => audit.verify(m));
    expect(chain).toMatchObject({ ok: true });
    expect(chain.checked).toBeGreaterThan(own.length);
    expect(await head.read((m) => audit.head(m))).toMatchObject({ seq: chain.checked });
    const queue = await head.read((m) => cases.queue(m));
    expect(queue.map((r) => r.caseNumber)).toEqual([annaCase.number]);
    // The case's change register holds the kierownik's entries too, for whoever may open the case.
    await head.write((m) => audit.append(m, { actorId: server.head.id, action: 'test.head-note', entityType: 'case', entityId: annaCase.id, caseId: annaCase.id }));
    const register = await db.read((m) => audit.list(m, { caseId: annaCase.id, limit: 100 }));
    expect(register.find((e) => e.action === 'test.head-note')).toMatchObject({ actorId: server.head.id });
  });

  it('appends an entry as the server stores it: numbered, timed, linked and hashed there, whatever the chain head a worker cannot see', async () => {
    const db = await connect(beata);
    const before = await db.read((m) => audit.head(m));
    const row = await db.write((m) => audit.append(m, { actorId: beata.id, action: 'test.entry', details: { note: 'Żółć' } }));
    expect(row.id).toBe(before.seq + 1);
    expect(row.prevHash).toBe(before.hash);
    expect(row.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const { hash, ...rest } = row;
    expect(hash).toBe(entryHash(rest));
    // appendRead records an opening once per window, measured on the server's clock that timed
    // the entries, even from a PC whose clock is years off.
    const offClock = new AuditService({ now: () => new Date('2031-01-01T00:00:00.000Z') });
    await db.write((m) => offClock.appendRead(m, { actorId: beata.id, action: 'test.read', entityId: 'x' }));
    await db.write((m) => offClock.appendRead(m, { actorId: beata.id, action: 'test.read', entityId: 'x' }));
    const mine = await db.read((m) => audit.list(m, { actorId: beata.id, action: 'test.read', limit: 10 }));
    expect(mine).toHaveLength(1);
  });

  it('refuses a worker another worker’s case: hidden to read, refused to write (row-level security)', async () => {
    const db = await connect(beata);
    const actor = await actorOf(db, beata, ['social_worker']);
    // Hidden by the server, yet "not yours" as in the embedded app (audited by the dispatcher), not "no such case".
    expect(await db.read((m) => m.getRepository(CaseEntity).findOneBy({ id: annaCase.id }))).toBeNull();
    await expect(db.write((m) => cases.file(m, annaCase.id, actor))).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej sprawy.' });
    await expect(db.write((m) => cases.file(m, '00000000-0000-4000-8000-00000000000f', actor))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Her change register is not hers to read; only her own entries of the trail are.
    expect(await db.read((m) => audit.list(m, { caseId: annaCase.id, limit: 100 }))).toEqual([]);
    const sneak = db.write((m) =>
      m.getRepository(CaseEventEntity).insert({
        id: '00000000-0000-4000-8000-000000000001',
        caseId: annaCase.id,
        occurredOn: '2026-03-04',
        kind: 'note',
        title: 'Cudza sprawa',
        body: '',
        significant: false,
        authorId: beata.id,
        refType: null,
        refId: null,
        createdAt: new Date().toISOString(),
      }),
    );
    await expect(sneak).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'Nie masz dostępu do tych danych.' });
  });

  it('numbers 20 cases created at once from two PCs 1..20, with no gap and no repeat', async () => {
    const [a, b] = [await connect(anna), await connect(beata)];
    const actors = [await actorOf(a, anna, ['social_worker']), await actorOf(b, beata, ['social_worker'])];
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const db = i % 2 === 0 ? a : b;
        const input = intakeSchema.parse(intake('1980-01-01', 300 + i, '2025-06-02', `Wyścig${i}`));
        return db.write((m) => cases.create(m, input, actors[i % 2]!));
      }),
    );
    const numbers = created.map((c) => Number(c.number.split('.').at(-2))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(created.every((c) => c.number.endsWith('.2025'))).toBe(true);
  });

  it('gives back a number a rolled-back write took, and counts each kind and year on its own', async () => {
    const db = await connect(anna);
    const first = await db.write((m) => nextNumber(m, 'document_number', '2026'));
    await expect(
      db.write(async (m) => {
        await nextNumber(m, 'document_number', '2026');
        throw new AppError('VALIDATION', 'Przerwane.');
      }),
    ).rejects.toThrow('Przerwane.');
    expect(await db.write((m) => nextNumber(m, 'document_number', '2026'))).toBe(first + 1);
    expect(await db.write((m) => nextNumber(m, 'document_number', '2031'))).toBe(1);
  });

  it('reads one state of the data however many queries, and writes nothing there', async () => {
    const [reader, writer] = [await connect(server.head), await connect(anna)];
    const actor = await actorOf(writer, anna, ['social_worker']);
    const count = (m: Parameters<Parameters<ServerDatabase['read']>[0]>[0]) => m.getRepository(CaseEntity).count();
    const seen = await reader.read(async (m) => {
      const first = await count(m);
      await writer.write((w) => cases.create(w, intakeSchema.parse(intake('1970-05-05', 77, '2026-04-01', 'Migawka')), actor));
      return [first, await count(m)];
    });
    expect(seen[1]).toBe(seen[0]);
    expect(await reader.read(count)).toBe(seen[0]! + 1);
    await expect(reader.read((m) => audit.append(m, { actorId: server.head.id, action: 'test.readonly' }))).rejects.toMatchObject({ code: '25006' });
  });

  it('answers a unique key another PC took meanwhile as CONFLICT, in Polish, with nothing written', async () => {
    const [first, second] = [await connect(anna), await connect(anna)];
    const draft = { userId: anna.id, key: 'intake:race', data: '{}', updatedAt: new Date().toISOString() };
    await first.write((m) => m.getRepository(FormDraftEntity).insert(draft));
    await expect(second.write((m) => m.getRepository(FormDraftEntity).insert({ ...draft, data: '{"x":1}' }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Nic nie zostało zapisane'),
    });
    expect(await first.read((m) => m.getRepository(FormDraftEntity).findOneBy({ userId: anna.id, key: 'intake:race' }))).toMatchObject({ data: '{}' });
  });

  it('refuses in Polish: a wrong password, a server not answering, another schema version', async () => {
    await expect(ServerDatabase.open(server.server.as(anna.role, 'złe-hasło'))).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const nobody = { ...server.server.as(anna.role, anna.password), port: await freePort() };
    await expect(ServerDatabase.open(nobody)).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE', message: expect.stringContaining('Brak połączenia z serwerem Asysty') });
    await expect(ServerDatabase.open(server.server.as(anna.role, anna.password), { schemaVersion: SERVER_SCHEMA_VERSION + 1 })).rejects.toMatchObject({
      code: 'SERVER_VERSION',
      message: expect.stringContaining(`(${SERVER_SCHEMA_VERSION}) niż ten program (${SERVER_SCHEMA_VERSION + 1})`),
    });
  });

  it('rolls a write cut mid-transaction back whole and says so in Polish; the next write works', async () => {
    const db = await connect(anna);
    const before = await db.read((m) => audit.head(m));
    const cut = db.write(async (m) => {
      await audit.append(m, { actorId: anna.id, action: 'test.cut' });
      const [{ pid }] = (await m.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
      await server.admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await audit.append(m, { actorId: anna.id, action: 'test.cut' });
    });
    await expect(cut).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE', message: expect.stringContaining('Nic nie zostało zapisane') });
    // Whichever way the driver notices first: the socket's end, or TypeORM's letting go of the connection.
    expect(serverFailure(new QueryRunnerProviderAlreadyReleasedError(), { host: '127.0.0.1', port: 5432 })).toMatchObject({ code: 'SERVER_UNREACHABLE' });
    expect(serverFailure(Object.assign(new Error('Connection terminated unexpectedly'), {}), { host: '127.0.0.1', port: 5432 })).toMatchObject({ code: 'SERVER_UNREACHABLE' });
    expect(await db.read((m) => audit.head(m))).toEqual(before);
    const row = await db.write((m) => audit.append(m, { actorId: anna.id, action: 'test.after' }));
    expect(row.id).toBe(before.seq + 1);
  });
});
