/**
 * The demo office (issue 7 item 5; the benchmarks of issue 8 need it): synthetic families with
 * Polish (and some Ukrainian) names, valid PESEL numbers, addresses in three rural gminy, and cases
 * in every step of the process — reported, wywiad, analysis, social work, request for an
 * assistant, assigned, plan, work with visits / oceny / kontrakty, closing, monitoring, closed —
 * spread over the two years before the clock's today.
 *
 * Every row is written by the real services (CasesService, FamilyWorkService, UsersService), so it
 * passes the same rules and is audited like work done by hand. The services run on a clock of the
 * seeder's own, set to the day of each step, and the steps of all families run in date order,
 * many per transaction. Deterministic for a seed: names, numbers, dates and outcomes are the same
 * on every run (ids are random UUIDs, as always). No Math.random: a small PRNG (mulberry32).
 *
 * Court requests (issue 7): some families get a court's letter — for the opinia o rodzinie, the
 * case file, or both — registered by the case's worker; some are still open at today (some past
 * their deadline), some answered. The opinions go through every state (draft, submitted, approved,
 * issued); issued ones are numbered PDFs in the document register, printed by the PDF worker, so
 * only the first `issuedOpinions` (default DEMO_ISSUED_OPINIONS) of them are issued, and none when
 * the backend has no PDF worker (the tests' backends): later ones are answered with the case file.
 *
 * One gap in the process as built: a social-work case cannot be closed yet (closing needs a
 * closure reason, which only an assistant's proposal records), so social-work cases stay open.
 */
import { STATUTORY_CASELOAD_CAP } from '../../../shared/domain/caseFlow';
import { toDayNumber } from '../../../shared/domain/dates';
import type { Role } from '../../../shared/domain/roles';
import type { SessionUser } from '../../../shared/ipc';
import type { Backend } from '../../backend';
import type { ReadySession } from '../../session/context';
import { ManualClock } from '../../clock';
import { PersonEntity, UserEntity } from '../../db/entities';
import { AppError } from '../../errors';
import { AuditService } from '../../services/audit';
import { type Actor } from '../../services/cases';
import { CourtService } from '../../services/court';
import { DocumentsService } from '../../services/documents';
import { POLISH_SURNAMES, STAFF_WOMEN } from './data';
import { FamilyWorkService } from '../../services/family-work';
import { rawDb } from '../../data/raw-sql';
import { localDatabase } from '../../db/database';
import { caseloads } from '../../data/queries/tray';
import { UsersService } from '../../services/users';
import { BulkAudit, BulkCases } from './bulk-services';
import { planCourt } from './court';
import { iso } from './family';
import { DAYS_BACK, DEMO_ISSUED_OPINIONS, DEMO_MAX_FAMILIES, type DemoOptions, type DemoReport, type DemoStaff, type Exec, type FamilyPlan, type PlanContext } from './model';
import { planFamily } from './plan';
import { Rng, streamSeed } from './rng';
import { AssistantPool, makeLogin, peakLoad } from './staff';

/** Bump when the seeder makes different data for the same seed (benchmark caches key on it). */
export const DEMO_SEEDER_VERSION = 2;

/**
 * Seeds the office open in `backend` (a kierownik must be signed in). Staff accounts it creates
 * get `staffPassword`; as many assistants as the busiest day needs under the office's caseload limit.
 */
export async function seedDemo(backend: Backend, options: DemoOptions): Promise<DemoReport> {
  const t0 = performance.now();
  const session = backend.readySession();
  if (!session || !session.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Dane demonstracyjne wprowadza zalogowany kierownik ośrodka.');
  if (!Number.isInteger(options.families) || options.families < 1 || options.families > DEMO_MAX_FAMILIES) {
    throw new AppError('VALIDATION', `Liczba rodzin: od 1 do ${DEMO_MAX_FAMILIES}.`);
  }
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const todayIso = backend.clock.now().toISOString().slice(0, 10);
  const today = toDayNumber(todayIso);
  const start = today - DAYS_BACK;

  // What is there already: staff, PESEL numbers in use, assistants' caseloads.
  const existing = await session.db.read(async (m) => ({
    users: await m.getRepository(UserEntity).find({ order: { createdAt: 'ASC', login: 'ASC' } }),
    pesels: (await m.getRepository(PersonEntity).find({ select: { pesel: true } })).map((p) => p.pesel).filter((p): p is string => Boolean(p)),
    loads: new Map((await caseloads(m, session.settings.caseloadLimit)).map((c) => [c.assistantId, c.families])),
  }));
  const active = existing.users.filter((u) => u.active);
  const existingWorkers = active.filter((u) => u.roles.includes('social_worker'));
  const existingAssistants = active.filter((u) => u.roles.includes('family_assistant'));
  const workerCount = Math.max(existingWorkers.length, Math.min(25, Math.max(2, Math.ceil(options.families / 400))));

  // Plan every family.
  const ctx: PlanContext = { today, start, workers: workerCount, settings: session.settings, peselUsed: new Set(existing.pesels) };
  const plans: FamilyPlan[] = [];
  for (let i = 0; i < options.families; i++) plans.push(planFamily(i, seed, ctx));
  const peak = peakLoad(plans);
  const tPlan = performance.now();

  // Enough assistants for the busiest day under the office's limit, which never exceeds the
  // statutory cap (art. 15 ust. 4 u.w.r.): a busier office gets more assistants, not a higher limit.
  const limit = Math.min(session.settings.caseloadLimit, STATUTORY_CASELOAD_CAP);
  const room = existingAssistants.reduce((sum, a) => sum + Math.max(0, limit - (existing.loads.get(a.id) ?? 0)), 0);
  const needed = Math.max(0, Math.ceil((peak - room) / limit));
  const assistantCount = existingAssistants.length + Math.max(needed, peak > 0 && existingAssistants.length < 2 ? 2 - existingAssistants.length : 0);
  const settings = requireSession(backend).settings;

  // Staff: created on the first day of the demo period, each with a key slot.
  const staffRng = new Rng(streamSeed(seed, 0x5afe));
  const taken = new Set(existing.users.map((u) => u.login));
  const newStaff: { login: string; firstName: string; lastName: string; roles: Role[] }[] = [];
  const addStaff = (role: Role, count: number) => {
    for (let i = 0; i < count; i++) {
      const firstName = staffRng.pick(STAFF_WOMEN);
      const lastName = staffRng.pick(POLISH_SURNAMES)[1];
      newStaff.push({ login: makeLogin(firstName, lastName, taken), firstName, lastName, roles: [role] });
    }
  };
  addStaff('social_worker', workerCount - existingWorkers.length);
  addStaff('family_assistant', assistantCount - existingAssistants.length);
  const seedClock = new ManualClock(`${iso(start)}T07:00:00.000Z`);
  const audit = new AuditService(seedClock);
  const users = new UsersService(seedClock, audit);
  const created = await session.db.write(async (m) => {
    const rows: SessionUser[] = [];
    for (const s of newStaff) rows.push(await users.create(m, s, session.user.id));
    return rows;
  });
  for (const user of created) {
    const slot = await backend.invoke('users:resetPassword', { id: user.id, newPassword: options.staffPassword });
    if (!slot.ok) throw new AppError(slot.error.code, slot.error.message);
  }
  const toSession = (u: { id: string; login: string; firstName: string; lastName: string; roles: Role[] }): SessionUser => ({ id: u.id, login: u.login, firstName: u.firstName, lastName: u.lastName, roles: [...u.roles] });
  const workers = [...existingWorkers.map(toSession), ...created.filter((u) => u.roles.includes('social_worker'))];
  const assistants = [...existingAssistants.map(toSession), ...created.filter((u) => u.roles.includes('family_assistant'))];
  const tStaff = performance.now();
  log(`Pracownicy socjalni: ${workers.length}, asystenci rodziny: ${assistants.length} (utworzono kont: ${created.length}).`);

  // Every step of every family, in date order.
  const bulkAudit = new BulkAudit(seedClock);
  const cases = new BulkCases(seedClock, bulkAudit);
  const work = new FamilyWorkService(seedClock, bulkAudit, cases);
  const pool = new AssistantPool(assistants, existing.loads, limit);
  const court = new CourtService(seedClock, bulkAudit, cases);
  const documents = new DocumentsService(bulkAudit, cases, backend.office, () => backend.pdf(), { renderInTransaction: true });
  for (const p of plans) p.run.record.workerLogin = workers[p.run.workerIndex]!.login;
  // Court letters; opinions are issued only with a PDF worker to print them.
  const wantIssued = Math.max(0, options.issuedOpinions ?? DEMO_ISSUED_OPINIONS);
  let issuable = 0;
  if (wantIssued > 0) {
    try {
      backend.pdf();
      issuable = wantIssued;
    } catch {
      log('Bez modułu drukowania PDF: opinie o rodzinie nie zostaną wydane.');
    }
  }
  planCourt(plans, seed, today, issuable);
  const steps = plans
    .flatMap((p) => p.steps.map((s, seq) => ({ day: Math.min(today, p.reportDay + s.offset), family: p.run.record.index, seq, step: s, run: p.run })))
    .sort((a, b) => a.day - b.day || a.family - b.family || a.seq - b.seq);
  const head: Actor = { user: session.user, settings };
  const batchSize = options.batchSize ?? 2000;
  const restore = bulkMode(session);
  let day = -1;
  let second = 0;
  try {
  for (let i = 0; i < steps.length; i += batchSize) {
    const batch = steps.slice(i, i + batchSize);
    bulkAudit.reset();
    await session.db.write(async (m) => {
      const exec: Exec = { m, cases, work, pool, court, documents };
      for (const s of batch) {
        if (s.day !== day) {
          day = s.day;
          second = 0;
        }
        seedClock.set(new Date(Date.parse(`${iso(day)}T07:00:00.000Z`) + 1000 * second++));
        const user = s.step.who === 'head' ? session.user : s.step.who === 'worker' ? workers[s.run.workerIndex]! : s.run.assistant;
        if (!user) throw new Error(`Demo: family ${s.family} has no assistant for ${s.step.name}.`);
        const began = options.profile ? performance.now() : 0;
        try {
          await s.step.run(exec, s.step.who === 'head' ? head : { user, settings }, iso(s.day));
          if (options.profile) {
            const entry = options.profile.get(s.step.name) ?? { count: 0, ms: 0 };
            entry.count += 1;
            entry.ms += performance.now() - began;
            options.profile.set(s.step.name, entry);
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(`Demo: family ${s.family} (${s.run.record.scenario}), step ${s.step.name} on ${iso(s.day)}: ${message}`, { cause: error });
        }
      }
      // A real entry closes the batch: it records the seeding and moves the chain's stored head.
      await audit.append(m, { actorId: session.user.id, action: 'demo.seed', details: { seed, steps: batch.length, through: iso(day) } });
    });
    requireSession(backend).lastActivity = backend.clock.now().getTime();
    if ((i / batchSize) % 10 === 9) log(`… ${Math.min(i + batchSize, steps.length)} / ${steps.length} kroków`);
  }
  } finally {
    restore();
  }
  const tSeed = performance.now();

  const staff: DemoStaff[] = [
    ...active.map((u) => ({ id: u.id, login: u.login, name: `${u.firstName} ${u.lastName}`, roles: [...u.roles], created: false })),
    ...created.map((u) => ({ id: u.id, login: u.login, name: `${u.firstName} ${u.lastName}`, roles: [...u.roles], created: true })),
  ];
  return {
    version: DEMO_SEEDER_VERSION,
    seed,
    today: todayIso,
    from: iso(start),
    caseloadLimit: limit,
    staff,
    families: plans.map((p) => p.run.record),
    steps: steps.length,
    timings: { planMs: tPlan - t0, staffMs: tStaff - tPlan, seedMs: tSeed - tStaff, totalMs: tSeed - t0 },
  };
}

/**
 * For the bulk load only: a page cache large enough for the growing indexes (fewer pages read
 * back and decrypted while thousands of families are written). Returns what puts it back.
 */
export function bulkMode(session: ReadySession): () => void {
  const raw = rawDb(localDatabase(session.db).dataSource.manager);
  const cacheSize = (raw.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
  raw.prepare('PRAGMA cache_size = -262144').run();
  return () => void raw.prepare(`PRAGMA cache_size = ${Math.trunc(cacheSize)}`).run();
}

export function requireSession(backend: Backend): ReadySession {
  const session = backend.readySession();
  if (!session) throw new AppError('LOCKED', 'Sesja została zablokowana w czasie wprowadzania danych demonstracyjnych.');
  return session;
}

/** The report without ids and timings: equal for equal seeds (the determinism check). */
export function demoFingerprint(report: DemoReport): unknown {
  return {
    seed: report.seed,
    today: report.today,
    caseloadLimit: report.caseloadLimit,
    staff: report.staff.filter((s) => s.created).map(({ id: _id, ...s }) => s),
    families: report.families.map(({ caseId: _c, ...f }) => f),
  };
}
