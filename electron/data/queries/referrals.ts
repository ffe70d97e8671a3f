/**
 * The referrals' SQL (issues 17 and 19): one page of a programme's register, filtered, ordered,
 * paged and counted in SQL; one page of the cases whose completed wywiad may stand for a
 * declaration; the assistant's visibility of a referral; the partner's list and the monthly
 * counts. The service (services/referrals.ts) says who sees what; here is only how it is read.
 *
 * Both engines take the same text except where an assistant's families are matched against the
 * household stored as JSON in referral_declaration.members (json_each on SQLite,
 * jsonb_array_elements on PostgreSQL). `user` is quoted: a reserved word on PostgreSQL.
 * Every order ends with the id, so a page never repeats or skips a row another page shows.
 */
import type { EntityManager } from 'typeorm';
import type { ReferralProgramme } from '../../../shared/domain/foodAid';
import type { ReferralListSort, ReferralMonthRow, ReferralStatus, ReferralView } from '../../../shared/referrals';
import { dialectOf, queryAll, queryOne, toNumber, type Dialect } from '../sql';

/** A register row as read: the view without its validity today, which the service says. */
export type ReferralRecord = Omit<ReferralView, 'valid'>;

export interface ReferralFilter {
  programme: ReferralProgramme;
  subprogrammeId: string | null;
  status: ReferralStatus | null;
  /** Folded words, each of which must be in the person's folded name, the number, or name a partner or point listed in `partnerIds`/`pointIds`. */
  words: readonly { like: string; partnerIds: readonly string[]; pointIds: readonly string[] }[];
  /** Four or more digits: also the referrals whose person's PESEL holds them. */
  peselDigits: string | null;
  /** An assistant: only the referrals whose household holds a member of a family she works with now. */
  assistantId: string | null;
}

/** The register's row: `from` is the referral `r` alone or a page of them joined to it. */
const recordSelect = (from: string): string => `SELECT r.id, r.programme, r.number, r.document_id AS "documentId", s.name AS "subprogrammeName",
            p.first_name || ' ' || p.last_name AS "personName", r.household_size AS "householdSize", r.per_person_gr AS "perPersonGr",
            r.threshold_gr AS "thresholdGr", r.eligibility, po.name AS "partnerName", dp.name AS "pointName", r.valid_until AS "validUntil",
            r.issued_on AS "issuedOn", COALESCE(u.first_name || ' ' || u.last_name, '—') AS "issuedByName", r.status,
            r.duplicate_reason AS "duplicateReason", r.cancel_reason AS "cancelReason"
       FROM ${from} JOIN person p ON p.id = r.person_id
       LEFT JOIN referral_subprogramme s ON s.id = r.subprogramme_id
       LEFT JOIN partner_organisation po ON po.id = r.partner_id
       LEFT JOIN distribution_point dp ON dp.id = r.point_id
       LEFT JOIN "user" u ON u.id = r.issued_by`;

/** Declarations one of whose members belongs to a family the assistant (the one `?`) works with now. */
function assistantDeclarations(dialect: Dialect): string {
  const families = `SELECT fm.person_id FROM family_member fm JOIN case_file c ON c.family_id = fm.family_id
      JOIN assignment a ON a.case_id = c.id WHERE a.assistant_id = ? AND a.ended_on IS NULL`;
  return dialect === 'sqlite'
    ? `SELECT d.id FROM referral_declaration d, json_each(d.members) j WHERE json_extract(j.value, '$.personId') IN (${families})`
    : `SELECT d.id FROM referral_declaration d, jsonb_array_elements(d.members::jsonb) j WHERE j.value->>'personId' IN (${families})`;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The filter as one WHERE clause over `r` and its person `p` (`?` placeholders, in the order of `params`). */
function where(dialect: Dialect, filter: ReferralFilter): { sql: string; params: unknown[] } {
  const parts = ['r.programme = ?'];
  const params: unknown[] = [filter.programme];
  if (filter.subprogrammeId) {
    parts.push('r.subprogramme_id = ?');
    params.push(filter.subprogrammeId);
  }
  if (filter.status) {
    parts.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.assistantId) {
    parts.push(`r.declaration_id IN (${assistantDeclarations(dialect)})`);
    params.push(filter.assistantId);
  }
  const text: string[] = [];
  const textParams: unknown[] = [];
  for (const word of filter.words) {
    const any = [`p.name_key LIKE ? ESCAPE '\\'`, `lower(r.number) LIKE ? ESCAPE '\\'`];
    textParams.push(word.like, word.like);
    if (word.partnerIds.length) {
      any.push(`r.partner_id IN (${marks(word.partnerIds.length)})`);
      textParams.push(...word.partnerIds);
    }
    if (word.pointIds.length) {
      any.push(`r.point_id IN (${marks(word.pointIds.length)})`);
      textParams.push(...word.pointIds);
    }
    text.push(`(${any.join(' OR ')})`);
  }
  const found = text.length ? [`(${text.join(' AND ')})`] : [];
  if (filter.peselDigits) {
    found.push(`p.pesel LIKE ?`);
    textParams.push(`%${filter.peselDigits}%`);
  }
  if (found.length) {
    parts.push(`(${found.join(' OR ')})`);
    params.push(...textParams);
  }
  return { sql: parts.join(' AND '), params };
}

/** Constant SQL per sort key and direction (never user text). */
function orderBy(sort: ReferralListSort, direction: 'asc' | 'desc'): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  switch (sort) {
    case 'issuedOn':
      return `r.issued_on ${dir}, r.created_at ${dir}, r.id ${dir}`;
    case 'number':
      return `r.number ${dir}, r.id ${dir}`;
    case 'personName':
      return `p.name_key ${dir}, r.issued_on DESC, r.id ${dir}`;
    case 'validUntil':
      return `r.valid_until ${dir}, r.id ${dir}`;
  }
}

/** How many referrals pass the filter. */
export async function countReferrals(m: EntityManager, filter: ReferralFilter): Promise<number> {
  const w = where(dialectOf(m), filter);
  // The person is joined only when the search looks at her (every referral has one).
  const person = filter.words.length > 0 || filter.peselDigits ? ' JOIN person p ON p.id = r.person_id' : '';
  const row = await queryOne<{ total: unknown }>(m, `SELECT COUNT(*) AS total FROM referral r${person} WHERE ${w.sql}`, w.params);
  return toNumber(row?.total);
}

/**
 * One page of the referrals that pass the filter, in the order asked for (one statement): the
 * page is chosen from the referrals (and their persons when the search or the order needs them),
 * and only its rows are joined to the names of the sub-programme, partner, point and issuer.
 */
export async function referralRows(m: EntityManager, filter: ReferralFilter, order: { sort: ReferralListSort; direction: 'asc' | 'desc' }, page: { limit: number; offset: number }): Promise<ReferralRecord[]> {
  const w = where(dialectOf(m), filter);
  const person = filter.words.length > 0 || filter.peselDigits || order.sort === 'personName' ? ' JOIN person p ON p.id = r.person_id' : '';
  const by = orderBy(order.sort, order.direction);
  return queryAll<ReferralRecord>(
    m,
    `${recordSelect(`(SELECT r.id FROM referral r${person} WHERE ${w.sql} ORDER BY ${by} LIMIT ? OFFSET ?) pick JOIN referral r ON r.id = pick.id`)} ORDER BY ${by}`,
    [...w.params, page.limit, page.offset],
  );
}

/** One referral as the register shows it, or undefined. */
export async function referralRecord(m: EntityManager, id: string): Promise<ReferralRecord | undefined> {
  return queryOne<ReferralRecord>(m, `${recordSelect('referral r')} WHERE r.id = ?`, [id]);
}

/** Whether the referral's household holds a member of a family the assistant works with now. */
export async function assistantSeesReferral(m: EntityManager, referralId: string, assistantId: string): Promise<boolean> {
  const row = await queryOne(m, `SELECT 1 AS ok FROM referral r WHERE r.id = ? AND r.declaration_id IN (${assistantDeclarations(dialectOf(m))})`, [referralId, assistantId]);
  return row !== undefined;
}

/** The partner's list: issued referrals of the programme (and sub-programme, partner), oldest first. */
export async function partnerListRows(
  m: EntityManager,
  filter: { programme: ReferralProgramme; subprogrammeId: string | null; partnerId: string | null },
): Promise<{ number: string; name: string; householdSize: number; validUntil: string }[]> {
  const parts = [`r.programme = ?`, `r.status = 'issued'`];
  const params: unknown[] = [filter.programme];
  if (filter.subprogrammeId) {
    parts.push('r.subprogramme_id = ?');
    params.push(filter.subprogrammeId);
  }
  if (filter.partnerId) {
    parts.push('r.partner_id = ?');
    params.push(filter.partnerId);
  }
  return queryAll(
    m,
    `SELECT r.number AS number, p.first_name || ' ' || p.last_name AS name, r.household_size AS "householdSize", r.valid_until AS "validUntil"
       FROM referral r JOIN person p ON p.id = r.person_id
      WHERE ${parts.join(' AND ')}
      ORDER BY r.issued_on, r.number`,
    params,
  );
}

/** Referrals issued per month and programme, with the persons of their households and distinct households. */
export async function monthlyCounts(m: EntityManager, from: string, to: string): Promise<ReferralMonthRow[]> {
  return queryAll<ReferralMonthRow>(
    m,
    `SELECT substr(issued_on, 1, 7) AS month, programme,
            CAST(SUM(CASE WHEN status = 'issued' THEN 1 ELSE 0 END) AS integer) AS referrals,
            CAST(SUM(CASE WHEN status = 'issued' THEN household_size ELSE 0 END) AS integer) AS persons,
            CAST(COUNT(DISTINCT CASE WHEN status = 'issued' THEN person_id END) AS integer) AS households,
            CAST(SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS integer) AS cancelled
       FROM referral WHERE issued_on BETWEEN ? AND ?
      GROUP BY substr(issued_on, 1, 7), programme ORDER BY month, programme`,
    [from, to],
  );
}

// ---- cases whose wywiad may be used ---------------------------------------------------------

export interface CaseSourceFilter {
  /** A social worker: only the cases she leads; null: every case (the kierownik). */
  workerId: string | null;
  /** Only these cases (the search's hits); null: every case. */
  caseIds: readonly string[] | null;
}

export interface CaseSourceRecord {
  caseId: string;
  caseNumber: string;
  reasons: string;
  conductedOn: string;
  householdSize: number;
  familyName: string | null;
}

/**
 * The completed wywiady (`i`, their case `c`) that pass the filter; `latestOnly`: each case's
 * latest (no completed wywiad of the same case is later, by day, then key), one row per case.
 */
function sourceWhere(dialect: Dialect, filter: CaseSourceFilter, latestOnly: boolean): { sql: string; params: unknown[] } {
  const parts = [`i.status = 'completed'`, 'i.conducted_on IS NOT NULL'];
  if (latestOnly) {
    // SQLite breaks a tie of days by the rowid, which every index holds (no read of the wywiad's row and its JSON).
    const later = dialect === 'sqlite' ? 'l.rowid > i.rowid' : 'l.id > i.id';
    parts.push(`NOT EXISTS (SELECT 1 FROM interview l WHERE l.case_id = i.case_id AND l.status = 'completed' AND l.conducted_on IS NOT NULL
                   AND (l.conducted_on > i.conducted_on OR (l.conducted_on = i.conducted_on AND ${later})))`);
  }
  const params: unknown[] = [];
  if (filter.workerId) {
    parts.push('c.worker_id = ?');
    params.push(filter.workerId);
  }
  if (filter.caseIds) {
    parts.push(dialect === 'sqlite' ? 'i.case_id IN (SELECT value FROM json_each(?))' : 'i.case_id IN (SELECT jsonb_array_elements_text(?::jsonb))');
    params.push(JSON.stringify(filter.caseIds));
  }
  return { sql: parts.join(' AND '), params };
}

/** The wywiady, joined to their cases only when a worker's own cases are asked for (the kierownik's count reads one index). */
const sourceFrom = (filter: CaseSourceFilter): string => (filter.workerId ? 'interview i JOIN case_file c ON c.id = i.case_id' : 'interview i');

export async function countCaseSources(m: EntityManager, filter: CaseSourceFilter): Promise<number> {
  if (filter.caseIds?.length === 0) return 0;
  const w = sourceWhere(dialectOf(m), filter, false);
  const row = await queryOne<{ total: unknown }>(m, `SELECT COUNT(DISTINCT i.case_id) AS total FROM ${sourceFrom(filter)} WHERE ${w.sql}`, w.params);
  return toNumber(row?.total);
}

/**
 * One page of the cases, latest wywiad first: the page is chosen from the wywiady by the index of
 * their dates (status, day, kind, case), and only its cases' household sizes and family names are read.
 */
export async function caseSourceRows(m: EntityManager, filter: CaseSourceFilter, page: { limit: number; offset: number }): Promise<CaseSourceRecord[]> {
  if (filter.caseIds?.length === 0) return [];
  const w = sourceWhere(dialectOf(m), filter, true);
  const rows = await queryAll<CaseSourceRecord & { householdSize: unknown }>(
    m,
    `SELECT c.id AS "caseId", c.number AS "caseNumber", c.reasons AS reasons, src.conducted_on AS "conductedOn",
            (SELECT COUNT(*) FROM family_member fm WHERE fm.family_id = c.family_id AND fm.in_household) AS "householdSize",
            (SELECT p.last_name || ' ' || p.first_name FROM family_member fm JOIN person p ON p.id = fm.person_id
              WHERE fm.family_id = c.family_id ORDER BY (fm.relation = 'applicant') DESC, fm.position LIMIT 1) AS "familyName"
       FROM (SELECT i.case_id, i.conducted_on, i.kind FROM ${sourceFrom(filter)}
              WHERE ${w.sql} ORDER BY i.conducted_on DESC, i.kind DESC, i.case_id DESC LIMIT ? OFFSET ?) src
       JOIN case_file c ON c.id = src.case_id
      ORDER BY src.conducted_on DESC, src.kind DESC, c.id DESC`,
    [...w.params, page.limit, page.offset],
  );
  return rows.map((r) => ({ ...r, householdSize: toNumber(r.householdSize) }));
}
