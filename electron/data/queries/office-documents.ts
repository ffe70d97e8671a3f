/**
 * An office document's kind and subject (a referral's skierowanie: 'referral' and the referral's
 * id), whoever may see it (issue 18): on the office server row-level security hides another
 * family's referral PDF, so asysta.office_document (server step 11) answers, saying nothing else,
 * and the document register runs the kind's own check as on the embedded file.
 */
import type { EntityManager } from 'typeorm';
import { queryOne } from '../sql';

export async function officeDocumentRef(m: EntityManager, documentId: string): Promise<{ kind: string; subjectId: string } | null> {
  const row = await queryOne<{ kind: string; subjectId: string }>(
    m,
    { sqlite: 'SELECT kind, subject_id AS "subjectId" FROM document WHERE id = ? AND case_id IS NULL', postgres: 'SELECT kind, "subjectId" FROM asysta.office_document($1)' },
    [documentId],
  );
  return row ?? null;
}
