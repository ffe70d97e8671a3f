/**
 * Four eyes (issue 14): a person who holds several roles does not decide her own request for an
 * assistant nor approve her own opinion for a court. The one exception is an office with a single
 * active member of staff, where nobody else could: the step is allowed and marked in the audit
 * trail (`soleStaff: true`).
 */
import type { EntityManager } from 'typeorm';
import { UserEntity } from '../db/entities';
import { AppError } from '../errors';

/** Refuses a step on one's own work; returns whether it was allowed as the office's only staff. */
export async function requireSecondPerson(m: EntityManager, actorId: string, authorId: string | null, refusal: string): Promise<{ soleStaff?: true }> {
  if (authorId !== actorId) return {};
  if ((await m.getRepository(UserEntity).countBy({ active: true })) <= 1) return { soleStaff: true };
  throw new AppError('FORBIDDEN', refusal);
}
