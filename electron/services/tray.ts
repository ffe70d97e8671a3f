/**
 * The work tray (issue 8): what is due for the signed-in user, grouped overdue / within 7 days /
 * later by the clock's today. A social worker gets the deadlines of the cases she leads (wywiad,
 * aktualizacja, kontrakt), an assistant those of her families (plan, ocena, monitoring, court), the
 * kierownik the requests waiting for her decision, the whole office's tray and the caseloads.
 *
 * Set-based (deadline-queries.ts: one rule per kind over the scope), so a 10,000-family office
 * answers in milliseconds; the rules are the case file's own.
 */
import type { EntityManager } from 'typeorm';
import type { CaseloadView } from '../../shared/cases';
import type { IsoDate } from '../../shared/domain/dates';
import type { Role } from '../../shared/domain/roles';
import type { TrayOffsets, TrayQuery, TrayView } from '../../shared/tray';
import { officeDay, type Clock } from '../clock';
import type { Actor } from './cases';
import { ASSISTANT_KINDS, collectDeadlines, HEAD_KINDS, officeTray, trayList, WORKER_KINDS, type CaseDeadline } from './deadline-queries';
import { prepared } from './raw-sql';

export { trayList };

export class TrayService {
  constructor(private readonly clock: Clock) {}

  today(): IsoDate {
    return officeDay(this.clock);
  }

  /** Per group, `query.limit` items of the page asked for (the first when none), every item counted. */
  get(m: EntityManager, actor: Actor, query: TrayQuery): TrayView {
    const today = this.today();
    const { id, roles } = actor.user;
    const isHead = roles.includes('head');
    const mine: CaseDeadline[] = [];
    if (isHead) mine.push(...collectDeadlines(m, { kind: 'office' }, HEAD_KINDS));
    if (roles.includes('social_worker')) mine.push(...collectDeadlines(m, { kind: 'worker', userId: id }, WORKER_KINDS));
    if (roles.includes('family_assistant')) mine.push(...collectDeadlines(m, { kind: 'assistant', userId: id }, ASSISTANT_KINDS));
    return {
      today,
      mine: trayList(mine, today, query.limit, offsets(query, 'mine')),
      office: isHead ? officeTray(m, today, query.limit, offsets(query, 'office')) : null,
      caseloads: isHead ? caseloads(m, actor.settings.caseloadLimit) : null,
    };
  }
}

function offsets(query: TrayQuery, section: 'mine' | 'office'): TrayOffsets {
  const pages = query.pages[section] ?? {};
  const skip = (page: number | undefined) => ((page ?? 1) - 1) * query.limit;
  return { overdue: skip(pages.overdue), this_week: skip(pages.this_week), later: skip(pages.later) };
}

/** Families each active assistant works with now (art. 15 ust. 4 u.w.r.), against the office's limit. */
export function caseloads(m: EntityManager, limit: number): CaseloadView[] {
  const users = prepared(m, 'SELECT id, first_name AS firstName, last_name AS lastName, roles FROM user WHERE active = 1').all() as { id: string; firstName: string; lastName: string; roles: string }[];
  const counts = new Map(
    (prepared(m, 'SELECT a.assistant_id, COUNT(DISTINCT c.family_id) FROM assignment a JOIN case_file c ON c.id = a.case_id WHERE a.ended_on IS NULL GROUP BY a.assistant_id').raw(true).all() as [string, number][]).map(([id, n]) => [id, n]),
  );
  return users
    .filter((u) => (JSON.parse(u.roles) as Role[]).includes('family_assistant'))
    .map((u) => ({ assistantId: u.id, name: `${u.firstName} ${u.lastName}`, families: counts.get(u.id) ?? 0, limit }))
    .sort((x, y) => x.families - y.families || x.name.localeCompare(y.name, 'pl'));
}
