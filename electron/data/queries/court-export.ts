/**
 * The court export's SQL (issue 7): the stored PDFs of a case's document register, the latest
 * version of each, in the order of the acts they record. One text for both engines; the bytes
 * come back as a Buffer from either (SQLite blob, PostgreSQL bytea).
 */
import type { EntityManager } from 'typeorm';
import { queryAll } from '../sql';

export interface RegisterDocumentRow {
  kind: string;
  number: string;
  version: number;
  issuedOn: string;
  dated: string | null;
  bytes: Buffer;
}

export async function registerDocumentRows(m: EntityManager, caseId: string): Promise<RegisterDocumentRow[]> {
  return queryAll<RegisterDocumentRow>(
    m,
    `SELECT d.kind, d.number, d.version, d.issued_on AS "issuedOn", d.dated, d.bytes
       FROM document d
      WHERE d.case_id = ? AND d.version = (SELECT MAX(v.version) FROM document v WHERE v.kind = d.kind AND v.subject_id = d.subject_id)
      ORDER BY COALESCE(d.dated, d.issued_on), d.issued_at, d.number`,
    [caseId],
  );
}
