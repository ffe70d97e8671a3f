/** The demo office's staff: the assistants' pool under the caseload limit, logins. */
import { fold } from '../../../shared/domain/text';
import type { SessionUser } from '../../../shared/ipc';
import { type FamilyPlan } from './model';

/** The assistants and how many families each has now; new work goes to the least busy. */
export class AssistantPool {
  private readonly load = new Map<string, number>();

  constructor(
    private readonly assistants: readonly SessionUser[],
    loads: ReadonlyMap<string, number>,
    private readonly limit: number,
  ) {
    for (const a of assistants) this.load.set(a.id, loads.get(a.id) ?? 0);
  }

  take(): SessionUser {
    let best: SessionUser | null = null;
    for (const a of this.assistants) if (!best || this.load.get(a.id)! < this.load.get(best.id)!) best = a;
    if (!best || this.load.get(best.id)! >= this.limit) throw new Error('Demo: no assistant has room for another family.');
    this.load.set(best.id, this.load.get(best.id)! + 1);
    return best;
  }

  release(id: string): void {
    this.load.set(id, Math.max(0, (this.load.get(id) ?? 0) - 1));
  }
}

/** The most families with an assistant at the same time, counting both ends of each interval. */
export function peakLoad(plans: readonly FamilyPlan[]): number {
  const events: [day: number, delta: number][] = [];
  for (const p of plans) {
    if (p.assistantFrom === null) continue;
    events.push([p.assistantFrom, 1]);
    if (p.assistantUntil !== null) events.push([p.assistantUntil + 1, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) {
    now += delta;
    peak = Math.max(peak, now);
  }
  return peak;
}

export function makeLogin(first: string, last: string, taken: Set<string>): string {
  const base = fold(`${first[0] ?? ''}${last}`).replace(/[^a-z0-9]/g, '').slice(0, 28) || 'pracownik';
  let login = base;
  for (let i = 2; taken.has(login); i++) login = `${base}${i}`;
  taken.add(login);
  return login;
}
