/**
 * The bulk writer (issue 17): grows an office seeded by `seedDemo` to the 100 000-person scale in
 * minutes. `seedDemo` writes every step through the real services, which is right for a demo and
 * too slow for 30 000 families; here the families it made are the template, copied until the
 * office has the persons asked for, with bulk INSERTs through prepared statements, one
 * transaction per copy.
 *
 * A copy is the template with:
 * - new ids everywhere (every id of a copied row, also inside JSON: plan tasks, contract clients,
 *   audit details), the same structure, statuses and dates — so every stage of the process, every
 *   deadline kind and every court letter the template has, each copy has too;
 * - new surnames (per family, the same list and form: "Nowak"/"Nowakowa" stay a pair, Ukrainian
 *   names stay Ukrainian), PESEL numbers valid for the same birth date and sex, new passport
 *   numbers, name keys, and the search index rebuilt for its cases (search-index.ts);
 * - case and register numbers continuing each year's counter;
 * - the social workers spread over the office's workers (as many as `seedDemo` would have for the
 *   office's size), and assistants of its own — as many as the template's — so that no assistant
 *   has more families than the caseload limit; these staff accounts get no key slot (they cannot
 *   sign in until the kierownik sets a password, like any account just created);
 * - the audit entries of the copied records, chained after the last entry and hashed like the
 *   AuditService's; each transaction ends with a real `append` ("demo.seed"), which moves the
 *   chain's stored head, so `audit.verify` checks the whole result.
 *
 * Free text the template's services wrote (the wywiad's narrative, chronology titles, the
 * opinion's sections, audit details) keeps the template family's surnames: the records a list,
 * the tray or search read (person, search index) carry the copy's.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Sex } from '../../../shared/domain/pesel';
import type { Role } from '../../../shared/domain/roles';
import { personKey } from '../../../shared/domain/text';
import type { Backend } from '../../backend';
import { ManualClock } from '../../clock';
import { AppError } from '../../errors';
import { AuditService, entryHash, GENESIS_HASH } from '../../services/audit';
import { prepared, rawDb, type RawStatement } from '../../data/raw-sql';
import { localDatabase } from '../../db/database';
import { reindexCase } from '../../services/search-index';
import { UsersService } from '../../services/users';
import { POLISH_SURNAMES, STAFF_WOMEN, UKRAINIAN_SURNAMES } from './data';
import { allocatePesel } from './family';
import { Rng, streamSeed } from './rng';
import { makeLogin } from './staff';

/** Bump when the copies differ for the same template and options (benchmark caches key on it). */
export const REPLICATOR_VERSION = 1;

/**
 * The tables of a family's case, parents before children (foreign keys are on). Rows derived by
 * triggers (signed_plan_task, running_contract_action, case_deadline; case_file.family_key) are made
 * again by SQLite from the copied plans, kontrakty, wywiady, oceny and members; the search index is
 * rebuilt per case.
 */
const FAMILY_TABLES = [
  'family',
  'person',
  'family_member',
  'family_address',
  'child_placement',
  'case_file',
  'worker_assignment',
  'interview',
  'analysis',
  'assistant_request',
  'assignment',
  'case_event',
  'contract',
  'plan',
  'visit',
  'assessment',
  'court_request',
  'court_opinion',
  'document',
] as const;
/** Made by triggers or by reindexCase, never copied. */
const DERIVED = new Set(['signed_plan_task', 'running_contract_action', 'case_deadline', 'search_doc']);
/** Not part of a family's case file (or not made by the demo). */
const OFFICE_WIDE = new Set(['audit_log', 'counter', 'form_draft', 'migrations', 'office', 'setting', 'user', 'referral', 'referral_declaration']);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ONE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface ReplicateOptions {
  /** Copies are added until the office has at least this many persons. */
  persons: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ReplicateReport {
  copies: number;
  families: number;
  persons: number;
  cases: number;
  auditEntries: number;
  staffCreated: number;
  ms: number;
}

type Row = Record<string, unknown>;

interface Template {
  tables: { name: string; columns: string[]; rows: Row[]; idColumns: string[] }[];
  ids: Set<string>;
  personFamily: Map<string, string>;
  audit: Row[];
  families: number;
  persons: number;
}

/** Every column that holds an id (or JSON with ids) in some row: only these are rewritten. */
function idColumns(columns: readonly string[], rows: readonly Row[]): string[] {
  return columns.filter((c) => rows.some((r) => typeof r[c] === 'string' && (r[c] as string).length >= 36 && /[0-9a-f]{8}-[0-9a-f]{4}-/.test(r[c] as string)));
}

function tableNames(m: EntityManager): string[] {
  const all = (prepared(m, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'case_search%'`).all() as { name: string }[]).map((r) => r.name);
  const withCase = all.filter((t) => (rawDb(m).prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).some((c) => c.name === 'case_id' || c.name === 'family_id' || c.name === 'member_id'));
  // A table of a later migration that belongs to a case comes after the known ones.
  const extra = withCase.filter((t) => !(FAMILY_TABLES as readonly string[]).includes(t) && !DERIVED.has(t) && !OFFICE_WIDE.has(t));
  return [...FAMILY_TABLES.filter((t) => all.includes(t)), ...extra];
}

function readTemplate(m: EntityManager): Template {
  const tables: Template['tables'] = [];
  const ids = new Set<string>();
  for (const name of tableNames(m)) {
    const rows = rawDb(m).prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all() as Row[];
    const columns = (rawDb(m).prepare(`SELECT name FROM pragma_table_info('${name}')`).all() as { name: string }[]).map((c) => c.name);
    for (const r of rows) if (typeof r['id'] === 'string') ids.add(r['id']);
    tables.push({ name, columns, rows, idColumns: idColumns(columns, rows) });
  }
  const personFamily = new Map<string, string>();
  for (const r of tables.find((t) => t.name === 'family_member')?.rows ?? []) if (!personFamily.has(r['person_id'] as string)) personFamily.set(r['person_id'] as string, r['family_id'] as string);
  // The audit entries of the case files' records (not sign-ins, staff or settings).
  const audit = (rawDb(m).prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]).filter((r) => (typeof r['case_id'] === 'string' && ids.has(r['case_id'])) || (typeof r['entity_id'] === 'string' && ids.has(r['entity_id'])));
  const count = (t: string) => tables.find((x) => x.name === t)?.rows.length ?? 0;
  return { tables, ids, personFamily, audit, families: count('family'), persons: count('person') };
}

/** Surname lists by form: a surname's list and the form (0 masculine, 1 feminine) it is in. */
const SURNAMES = new Map<string, { list: 'pl' | 'ua'; index: number; form: 0 | 1 }>();
POLISH_SURNAMES.forEach(([m, f], index) => {
  SURNAMES.set(m, { list: 'pl', index, form: 0 });
  SURNAMES.set(f, { list: 'pl', index, form: 1 });
});
UKRAINIAN_SURNAMES.forEach((s, index) => SURNAMES.set(s, { list: 'ua', index, form: 0 }));

interface Counters {
  values: Map<string, number>;
  next(name: string): number;
}

function counters(m: EntityManager): Counters {
  const values = new Map((prepared(m, 'SELECT name, value FROM counter').all() as { name: string; value: number }[]).map((r) => [r.name, r.value]));
  return {
    values,
    next(name) {
      const value = (values.get(name) ?? 0) + 1;
      values.set(name, value);
      return value;
    },
  };
}

/**
 * Adds copies of the office's families (made by `seedDemo`) until it has `options.persons`
 * persons. A kierownik must be signed in.
 */
export async function replicateDemo(backend: Backend, options: ReplicateOptions): Promise<ReplicateReport> {
  const t0 = performance.now();
  const session = backend.readySession();
  if (!session || !session.user.roles.includes('head')) throw new AppError('FORBIDDEN', 'Dane demonstracyjne wprowadza zalogowany kierownik ośrodka.');
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const template = await session.db.read(async (m) => readTemplate(m));
  if (template.persons === 0) throw new AppError('VALIDATION', 'Najpierw wprowadź rodziny demonstracyjne (seed-demo): ich kopie powiększają ośrodek.');
  const copies = Math.max(0, Math.ceil(options.persons / template.persons) - 1);
  const familiesAfter = template.families * (copies + 1);

  // Staff: the workers `seedDemo` would have for this many families, assistants of each copy's own.
  const users = await session.db.read(async (m) => prepared(m, 'SELECT id, login, first_name AS firstName, last_name AS lastName, roles, active, created_at AS createdAt FROM user ORDER BY created_at, login').all() as { id: string; login: string; firstName: string; lastName: string; roles: string; active: number; createdAt: string }[]);
  const active = users.filter((u) => u.active === 1);
  const has = (u: { roles: string }, role: Role) => (JSON.parse(u.roles) as Role[]).includes(role);
  const workers = active.filter((u) => has(u, 'social_worker')).map((u) => u.id);
  const assistants = active.filter((u) => has(u, 'family_assistant') && !has(u, 'social_worker')).map((u) => u.id);
  const workerTarget = Math.max(workers.length, Math.min(25, Math.max(2, Math.ceil(familiesAfter / 400))));
  const staffRng = new Rng(streamSeed(seed, 0xb01c));
  const taken = new Set(users.map((u) => u.login));
  const newStaff = (role: Role) => {
    const firstName = staffRng.pick(STAFF_WOMEN);
    const lastName = staffRng.pick(POLISH_SURNAMES)[1];
    return { login: makeLogin(firstName, lastName, taken), firstName, lastName, roles: [role] };
  };
  const from = users.find((u) => u.active === 1 && u.id !== session.user.id)?.createdAt ?? backend.clock.now().toISOString();
  const staffClock = new ManualClock(from);
  const audit = new AuditService(staffClock);
  const usersService = new UsersService(staffClock, audit);
  const created = await session.db.write(async (m) => {
    const extraWorkers: string[] = [];
    for (let i = workers.length; i < workerTarget; i++) extraWorkers.push((await usersService.create(m, newStaff('social_worker'), session.user.id)).id);
    const perCopy: string[][] = [];
    for (let k = 1; k <= copies; k++) {
      const own: string[] = [];
      for (let i = 0; i < assistants.length; i++) own.push((await usersService.create(m, newStaff('family_assistant'), session.user.id)).id);
      perCopy.push(own);
    }
    return { extraWorkers, perCopy };
  });
  const allWorkers = [...workers, ...created.extraWorkers];
  const staffCreated = created.extraWorkers.length + created.perCopy.flat().length;
  log(`Szablon: ${template.families} rodzin, ${template.persons} osób; kopii: ${copies}; nowe konta pracowników: ${staffCreated} (bez haseł).`);

  const peselUsed = await session.db.read(async (m) => new Set((prepared(m, 'SELECT pesel FROM person WHERE pesel IS NOT NULL').all() as { pesel: string }[]).map((r) => r.pesel)));
  const liveAudit = new AuditService(backend.clock);
  let auditEntries = 0;
  let cases = template.tables.find((t) => t.name === 'case_file')?.rows.length ?? 0;
  const raw = rawDb(localDatabase(session.db).dataSource.manager);
  const cacheSize = (raw.prepare('PRAGMA cache_size').get() as { cache_size: number }).cache_size;
  raw.prepare('PRAGMA cache_size = -262144').run();
  try {
    for (let k = 1; k <= copies; k++) {
      const staff = new Map<string, string>();
      workers.forEach((id, i) => staff.set(id, allWorkers[(i + k * workers.length) % allWorkers.length]!));
      assistants.forEach((id, i) => staff.set(id, created.perCopy[k - 1]![i]!));
      await session.db.write(async (m) => {
        const added = writeCopy(m, template, staff, peselUsed, new Rng(streamSeed(seed, 0xc0b1e + k)));
        for (const id of added.newCases) await reindexCase(m, id);
        auditEntries += added.audit;
        cases += added.cases;
        await liveAudit.append(m, { actorId: session.user.id, action: 'demo.seed', details: { seed, copy: k, families: template.families } });
      });
      session.lastActivity = backend.clock.now().getTime();
      log(`… kopia ${k} / ${copies}`);
    }
  } finally {
    raw.prepare(`PRAGMA cache_size = ${Math.trunc(cacheSize)}`).run();
  }
  return { copies, families: familiesAfter, persons: template.persons * (copies + 1), cases, auditEntries, staffCreated, ms: performance.now() - t0 };
}

/** One copy of the template, in the open transaction. */
/** The copy's new cases are returned for the search index (written by the caller, as the index's writes are async). */
function writeCopy(m: EntityManager, template: Template, staff: ReadonlyMap<string, string>, peselUsed: Set<string>, rng: Rng): { cases: number; audit: number; newCases: string[] } {
  const ids = new Map<string, string>();
  const mapId = (id: string): string => {
    if (!template.ids.has(id)) return staff.get(id) ?? id;
    let fresh = ids.get(id);
    if (!fresh) {
      fresh = randomUUID();
      ids.set(id, fresh);
    }
    return fresh;
  };
  const remap = (value: unknown): unknown => {
    if (typeof value !== 'string' || value.length < 36) return value;
    return value.length === 36 ? (ONE_UUID.test(value) ? mapId(value) : value) : value.replace(UUID, mapId);
  };
  const numbers = counters(m);
  const documentNumbers = new Map<string, string>();
  const surnames = new Map<string, Map<number, number>>();
  const newCases: string[] = [];

  for (const table of template.tables) {
    if (table.rows.length === 0) continue;
    const insert: RawStatement = rawDb(m).prepare(`INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
    for (const source of table.rows) {
      const row: Row = { ...source };
      for (const c of table.idColumns) row[c] = remap(row[c]);
      if (table.name === 'person') copyPerson(source, row, template, surnames, peselUsed, rng);
      else if (table.name === 'case_file') {
        const [prefix, , year] = splitCaseNumber(source['number'] as string);
        row['number'] = `${prefix}.${numbers.next(`case_number.${year}`)}.${year}`;
        newCases.push(row['id'] as string);
      } else if (table.name === 'document') {
        const year = (source['number'] as string).split('/')[1]!;
        row['number'] = `${numbers.next(`document_number.${year}`)}/${year}`;
        documentNumbers.set(source['number'] as string, row['number'] as string);
      } else if (table.name === 'court_opinion' && typeof source['document_number'] === 'string') {
        row['document_number'] = documentNumbers.get(source['document_number']) ?? null;
      }
      insert.run(...table.columns.map((c) => row[c]));
    }
  }
  const setCounter = prepared(m, 'INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  for (const [name, value] of numbers.values) setCounter.run(name, value);

  // The copied records' audit entries, chained after the last one.
  let last = (prepared(m, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? { id: 0, hash: GENESIS_HASH };
  const insertAudit = prepared(m, 'INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, case_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const source of template.audit) {
    const base = {
      id: last.id + 1,
      at: source['at'] as string,
      actorId: remap(source['actor_id']) as string | null,
      action: source['action'] as string,
      entityType: source['entity_type'] as string | null,
      entityId: remap(source['entity_id']) as string | null,
      caseId: remap(source['case_id']) as string | null,
      details: remap(source['details']) as string,
      prevHash: last.hash,
    };
    const hash = entryHash(base);
    insertAudit.run(base.id, base.at, base.actorId, base.action, base.entityType, base.entityId, base.caseId, base.details, base.prevHash, hash);
    last = { id: base.id, hash };
  }
  return { cases: newCases.length, audit: template.audit.length, newCases };
}

/** "OPS.AR.12.2026" → ["OPS.AR", "12", "2026"]: the office's prefix may hold dots. */
function splitCaseNumber(number: string): [string, string, string] {
  const parts = number.split('.');
  const year = parts.pop()!;
  const seq = parts.pop()!;
  return [parts.join('.'), seq, year];
}

/** A person of the copy: the family's new surname (same list and form), a new PESEL or passport number. */
function copyPerson(source: Row, row: Row, template: Template, surnames: Map<string, Map<number, number>>, peselUsed: Set<string>, rng: Rng): void {
  const family = template.personFamily.get(source['id'] as string) ?? (source['id'] as string);
  const last = source['last_name'] as string;
  const known = SURNAMES.get(last);
  if (known) {
    let chosen = surnames.get(family);
    if (!chosen) surnames.set(family, (chosen = new Map()));
    const list = known.list === 'pl' ? POLISH_SURNAMES.length : UKRAINIAN_SURNAMES.length;
    const key = known.index + (known.list === 'ua' ? 10_000 : 0);
    let index = chosen.get(key);
    if (index === undefined) chosen.set(key, (index = rng.int(0, list - 1)));
    row['last_name'] = known.list === 'pl' ? POLISH_SURNAMES[index]![known.form] : UKRAINIAN_SURNAMES[index]!;
  }
  if (typeof source['pesel'] === 'string') row['pesel'] = allocatePesel(rng, peselUsed, source['birth_date'] as IsoDate, source['sex'] as Sex);
  if (typeof source['document_number'] === 'string') row['document_number'] = `${rng.pick(['FA', 'FB', 'FE', 'FH', 'FX'])}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  row['name_key'] = personKey(row['last_name'] as string, row['first_name'] as string);
}
