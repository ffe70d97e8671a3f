/**
 * The search index (issue 8): one document per case, inside the office's database (no plain-text
 * index anywhere else), over the family members' names, PESEL / document numbers, the address and
 * the case number. The text is folded first (shared/domain/text.ts: "Żółć" → "zolc"; FTS5's
 * remove_diacritics does not turn ł into l), and queries are folded the same way.
 *
 * `search_doc` maps a case to the FTS rowid (an INTEGER PRIMARY KEY, so VACUUM keeps it) and
 * holds the case's display label (applicant, members, address) for result lists and the tray.
 *
 * Keep it current in the transaction of every change: call `reindexCase` when a case is created,
 * `reindexFamily` when a family's address or members change, `reindexPerson` when a person's
 * names or numbers change. On the office server the database does this itself: its triggers
 * (data/postgres/schema/0005-search.ts, the same rules in PL/pgSQL) rewrite the case's document
 * in the same transaction whichever client writes, so these calls have nothing left to do there.
 */
import type { EntityManager } from 'typeorm';
import { fold } from '../../shared/domain/text';
import { caseHead, casesOfFamily, familiesOfPerson, familyMembers, writeSearchDoc, type MemberRow } from '../data/queries/search-index';
import { dialectOf } from '../data/sql';

/** "ul. Polna 3" → "Polna 3": the street prefix would match every family. */
function streetText(street: string): string {
  return street.replace(/^\s*(ul|al|os|pl)\.\s*/i, '');
}

function familyLabel(members: readonly MemberRow[]): string {
  const applicant = members.find((m) => m.relation === 'applicant') ?? members[0];
  return applicant ? `${applicant.lastName} ${applicant.firstName}` : '—';
}

/** Whether this engine needs the service to write the index (SQLite), or keeps it itself (the server). */
function writesIndex(m: EntityManager): boolean {
  return dialectOf(m) === 'sqlite';
}

async function writeCase(m: EntityManager, caseId: string): Promise<void> {
  const head = await caseHead(m, caseId);
  if (!head) return;
  const members = await familyMembers(m, head.familyId);
  await writeSearchDoc(
    m,
    caseId,
    { familyName: familyLabel(members), members: JSON.stringify(members.map((p) => `${p.lastName} ${p.firstName}`)), address: `${head.street}, ${head.postalCode} ${head.city}` },
    {
      names: fold(members.map((p) => `${p.firstName} ${p.lastName}`).join(' ')),
      ids: fold(members.flatMap((p) => [p.pesel, p.documentNumber]).filter((x): x is string => Boolean(x)).join(' ')),
      address: fold(`${streetText(head.street)} ${head.postalCode} ${head.city}`),
      number: fold(head.number),
    },
  );
}

async function writeFamily(m: EntityManager, familyId: string): Promise<void> {
  for (const id of await casesOfFamily(m, familyId)) await writeCase(m, id);
}

export async function reindexCase(m: EntityManager, caseId: string): Promise<void> {
  if (writesIndex(m)) await writeCase(m, caseId);
}

export async function reindexFamily(m: EntityManager, familyId: string): Promise<void> {
  if (writesIndex(m)) await writeFamily(m, familyId);
}

export async function reindexPerson(m: EntityManager, personId: string): Promise<void> {
  if (!writesIndex(m)) return;
  for (const id of await familiesOfPerson(m, personId)) await writeFamily(m, id);
}
