/**
 * The work tray (issue 8): what is due for the signed-in user, grouped overdue / within 7 days /
 * later by the clock's today. A social worker gets the deadlines of the cases she leads (wywiad,
 * aktualizacja, kontrakt), an assistant those of her families (plan, ocena, monitoring, court), the
 * kierownik the requests waiting for her decision, the whole office's tray and the caseloads.
 *
 * Set-based (data/queries/tray.ts: one rule per kind over the scope, on either engine), so a
 * 100 000-person office answers in tens of milliseconds; the rules are the case file's own.
 */
import type { EntityManager } from 'typeorm';
import type { IsoDate } from '../../shared/domain/dates';
import type { TrayOffsets, TrayQuery, TrayView } from '../../shared/tray';
import { officeDay, type Clock } from '../clock';
import { ASSISTANT_KINDS, caseloads, HEAD_KINDS, officeTray, pagedTray, TrayCounts, WORKER_KINDS, type TraySource } from '../data/queries/tray';
import type { Actor } from './cases';

export class TrayService {
  constructor(private readonly clock: Clock) {}

  today(): IsoDate {
    return officeDay(this.clock);
  }

  /** Per group, `query.limit` items of the page asked for (the first when none), every item counted. */
  async get(m: EntityManager, actor: Actor, query: TrayQuery): Promise<TrayView> {
    const today = this.today();
    const { id, roles } = actor.user;
    const isHead = roles.includes('head');
    const mine: TraySource[] = [];
    if (isHead) mine.push({ scope: { kind: 'office' }, kinds: HEAD_KINDS });
    if (roles.includes('social_worker')) mine.push({ scope: { kind: 'worker', userId: id }, kinds: WORKER_KINDS });
    if (roles.includes('family_assistant')) mine.push({ scope: { kind: 'assistant', userId: id }, kinds: ASSISTANT_KINDS });
    // The kierownik's decisions are counted once for her own tray and the office's (one transaction).
    const counts = new TrayCounts();
    return {
      today,
      mine: await pagedTray(m, today, query.limit, offsets(query, 'mine'), mine, counts),
      office: isHead ? await officeTray(m, today, query.limit, offsets(query, 'office'), counts) : null,
      caseloads: isHead ? await caseloads(m, actor.settings.caseloadLimit) : null,
    };
  }
}

function offsets(query: TrayQuery, section: 'mine' | 'office'): TrayOffsets {
  const pages = query.pages[section] ?? {};
  const skip = (page: number | undefined) => ((page ?? 1) - 1) * query.limit;
  return { overdue: skip(pages.overdue), this_week: skip(pages.this_week), later: skip(pages.later) };
}
