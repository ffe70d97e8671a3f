/**
 * The statistics' SQL (services/stats.ts says what each count means), through the seam, for a
 * period [from, to] given as ISO days (dates are ISO text on both engines, compared as text).
 *
 * At 100 000 persons the report is read in a few passes over covering indexes (migration 0018,
 * server schema step 8): one pass over the assignments that overlap the period gives,
 * per family, whether its work began before the period, whether a court obliged it, and whether
 * and why it ended — the families' part of the report, counted in SQL. The join from an assignment
 * to its case is written with CROSS JOIN so that SQLite starts from the assignments of the period
 * (and does not walk every case in family order to skip sorting); PostgreSQL plans it the same.
 *
 * What differs between the engines: JSON lists (json_each against jsonb), and flags (0/1 against
 * true/false). Counts come back as numbers on SQLite and as strings on PostgreSQL: `toNumber`.
 */
import type { EntityManager } from 'typeorm';
import { numberedPlaceholders, queryAll, queryOne, toNumber, type Sql } from '../sql';

export interface Period {
  from: string;
  to: string;
}

/**
 * One text for both engines but for what only SQLite is told or writes otherwise: the index a
 * table is read by (`INDEXED BY`: SQLite takes the primary key's index for `c.id = a.case_id`,
 * then reads the case's whole row, though a covering index answers it), and the constant `true`
 * (SQLite keeps flags as 0/1).
 */
function perEngine(make: (engine: { indexedBy: (index: string) => string; yes: string }) => string): Sql {
  return {
    sqlite: make({ indexedBy: (index) => `INDEXED BY ${index}`, yes: '1' }),
    postgres: numberedPlaceholders(make({ indexedBy: () => '', yes: 'true' })),
  };
}

/** Assignments that overlap [from, to]: bind (to, from). */
const OVERLAP = 'a.assigned_on <= ? AND (a.ended_on IS NULL OR a.ended_on >= ?)';

/** Cases open at some time in [from, to]: bind (to, from). */
const ACTIVE = 'c.reported_on <= ? AND (c.closed_on IS NULL OR c.closed_on >= ?)';

/** Assistants' accounts that existed by the end of the period and were not switched off before its start. */
export async function assistantsEmployed(m: EntityManager, { from, to }: Period): Promise<number> {
  const tail = 'AND substr(u.created_at, 1, 10) <= ? AND (u.active OR substr(u.updated_at, 1, 10) >= ?)';
  const row = await queryOne<{ n: unknown }>(
    m,
    {
      sqlite: `SELECT COUNT(*) AS n FROM "user" u WHERE EXISTS (SELECT 1 FROM json_each(u.roles) r WHERE r.value = 'family_assistant') ${tail}`,
      postgres: numberedPlaceholders(`SELECT COUNT(*) AS n FROM "user" u WHERE u.roles::jsonb @> '["family_assistant"]' ${tail}`),
    },
    [to, from],
  );
  return toNumber(row?.n);
}

/** Assistants with an assignment in the period. */
export async function assistantsWorking(m: EntityManager, { from, to }: Period): Promise<number> {
  // By the period's index (SQLite would walk every assignment in assistant order to skip sorting).
  const row = await queryOne<{ n: unknown }>(m, perEngine(({ indexedBy }) => `SELECT COUNT(DISTINCT a.assistant_id) AS n FROM assignment a ${indexedBy('assignment_period')} WHERE ${OVERLAP}`), [to, from]);
  return toNumber(row?.n);
}

export interface FamilyCounts {
  /** Families with an assistant in the period. */
  withAssistant: number;
  /** …of which one began before the period. */
  continuing: number;
  /** …of which a court obliged to work with an assistant. */
  courtObliged: number;
  /** Families whose last assignment ended in the period, by their case's closure reason (null: none given). */
  ended: { reason: string | null; families: number }[];
}

/**
 * One pass over the assignments of the period, per family: when its work began, whether a court
 * obliged it, whether an assignment ended in the period and whether one still runs after it (then
 * the work did not end), and the closure reason of the cases whose assignment ended in it.
 */
export async function familyCounts(m: EntityManager, { from, to }: Period): Promise<FamilyCounts> {
  const rows = await queryAll<{ ended: unknown; reason: string | null; families: unknown; continuing: unknown; court: unknown }>(
    m,
    perEngine(
      ({ indexedBy }) => `SELECT f.ended AS ended, f.reason AS reason, COUNT(*) AS families, SUM(f.continuing) AS continuing, SUM(f.court) AS court
       FROM (SELECT c.family_id AS family_id,
                    CASE WHEN MIN(a.assigned_on) < ? THEN 1 ELSE 0 END AS continuing,
                    MAX(CASE WHEN c.court_order_reference IS NOT NULL THEN 1 ELSE 0 END) AS court,
                    CASE WHEN MAX(CASE WHEN a.ended_on BETWEEN ? AND ? THEN 1 ELSE 0 END) = 1
                          AND MAX(CASE WHEN a.ended_on IS NULL OR a.ended_on > ? THEN 1 ELSE 0 END) = 0 THEN 1 ELSE 0 END AS ended,
                    MAX(CASE WHEN a.ended_on BETWEEN ? AND ? THEN c.closure_reason END) AS reason
               FROM assignment a ${indexedBy('assignment_period')} CROSS JOIN case_file c ${indexedBy('case_file_facts')}
              WHERE c.id = a.case_id AND ${OVERLAP}
              GROUP BY c.family_id) f
      GROUP BY f.ended, f.reason`,
    ),
    [from, from, to, to, from, to, to, from],
  );
  const counts: FamilyCounts = { withAssistant: 0, continuing: 0, courtObliged: 0, ended: [] };
  for (const row of rows) {
    const families = toNumber(row.families);
    counts.withAssistant += families;
    counts.continuing += toNumber(row.continuing);
    counts.courtObliged += toNumber(row.court);
    if (toNumber(row.ended) === 1) counts.ended.push({ reason: row.reason, families });
  }
  return counts;
}

/** Children (members with the relation "child", in the household) of the families with an assistant in the period. */
export async function childrenOfAssistedFamilies(m: EntityManager, { from, to }: Period): Promise<number> {
  const row = await queryOne<{ n: unknown }>(
    m,
    perEngine(
      ({ indexedBy, yes }) => `SELECT COUNT(DISTINCT fm.person_id) AS n FROM family_member fm
                 WHERE fm.relation = 'child' AND fm.in_household = ${yes}
                   AND fm.family_id IN (SELECT c.family_id FROM assignment a ${indexedBy('assignment_period')} CROSS JOIN case_file c ${indexedBy('case_file_facts')}
                                         WHERE c.id = a.case_id AND ${OVERLAP})`,
    ),
    [to, from],
  );
  return toNumber(row?.n);
}

/** Cases reported in the period. */
export async function casesReported(m: EntityManager, { from, to }: Period): Promise<number> {
  const row = await queryOne<{ n: unknown }>(m, 'SELECT COUNT(*) AS n FROM case_file WHERE reported_on BETWEEN ? AND ?', [from, to]);
  return toNumber(row?.n);
}

/** Cases open at some time in the period. */
export async function casesActive(m: EntityManager, { from, to }: Period): Promise<number> {
  const row = await queryOne<{ n: unknown }>(m, `SELECT COUNT(*) AS n FROM case_file c WHERE ${ACTIVE}`, [to, from]);
  return toNumber(row?.n);
}

/** Those cases by each reason of art. 7 they name (a case counts under each of its reasons). */
export async function activeCasesByReason(m: EntityManager, { from, to }: Period): Promise<{ key: string; n: number }[]> {
  const rows = await queryAll<{ key: string; n: unknown }>(
    m,
    {
      sqlite: `SELECT r.value AS key, COUNT(*) AS n FROM case_file c JOIN json_each(c.reasons) r WHERE ${ACTIVE} GROUP BY r.value`,
      postgres: numberedPlaceholders(`SELECT r.value AS key, COUNT(*) AS n FROM case_file c CROSS JOIN LATERAL jsonb_array_elements_text(c.reasons::jsonb) AS r(value) WHERE ${ACTIVE} GROUP BY r.value`),
    },
    [to, from],
  );
  return rows.map((r) => ({ key: r.key, n: toNumber(r.n) }));
}

export interface InterviewCounts {
  completed: number;
  full: number;
  updates: number;
  late: number;
}

/** Wywiady conducted in the period: all, full ones, updates, and full ones conducted after their deadline. */
export async function interviewCounts(m: EntityManager, { from, to }: Period): Promise<InterviewCounts> {
  const row = await queryOne<Record<keyof InterviewCounts, unknown>>(
    m,
    perEngine(
      ({ indexedBy }) => `SELECT COUNT(*) AS completed,
            SUM(CASE WHEN i.kind = 'full' THEN 1 ELSE 0 END) AS "full",
            SUM(CASE WHEN i.kind = 'update' THEN 1 ELSE 0 END) AS updates,
            SUM(CASE WHEN i.kind = 'full' AND i.conducted_on > c.interview_due THEN 1 ELSE 0 END) AS late
       FROM interview i CROSS JOIN case_file c ${indexedBy('case_file_facts')}
      WHERE c.id = i.case_id AND i.status = 'completed' AND i.conducted_on BETWEEN ? AND ?`,
    ),
    [from, to],
  );
  return { completed: toNumber(row?.completed), full: toNumber(row?.full), updates: toNumber(row?.updates), late: toNumber(row?.late) };
}

/** Kontrakty whose term overlaps the period, by their status now. */
export async function contractsByStatus(m: EntityManager, { from, to }: Period): Promise<{ key: string; n: number }[]> {
  const rows = await queryAll<{ key: string; n: unknown }>(m, 'SELECT status AS key, COUNT(*) AS n FROM contract WHERE period_from <= ? AND period_to >= ? GROUP BY status', [to, from]);
  return rows.map((r) => ({ key: r.key, n: toNumber(r.n) }));
}

/** Kontrakty signed in the period. */
export async function contractsSigned(m: EntityManager, { from, to }: Period): Promise<number> {
  const row = await queryOne<{ n: unknown }>(m, 'SELECT COUNT(*) AS n FROM contract WHERE signed_on BETWEEN ? AND ?', [from, to]);
  return toNumber(row?.n);
}

/** Opinions o rodzinie issued in the period. */
export async function courtOpinionsIssued(m: EntityManager, { from, to }: Period): Promise<number> {
  const row = await queryOne<{ n: unknown }>(m, "SELECT COUNT(*) AS n FROM court_opinion WHERE status = 'issued' AND issued_on BETWEEN ? AND ?", [from, to]);
  return toNumber(row?.n);
}
