/**
 * The calendar week (issue 15, item 11): the user's tray items from Monday to Sunday, day by day,
 * with Polish day names and holidays; an assistant's planned visits with their type and place; each
 * day cut at `perDay` with every item counted; a worker sees her own work only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';
import { caseWithRequest, PASSWORD, signIn } from '../../../support/case-flow';

let t: TestBackend;
beforeEach(async () => {
  t = testBackend();
  await setUpOffice(t);
  await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: PASSWORD, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: PASSWORD, roles: ['family_assistant'] });
});
afterEach(async () => t.cleanup());

describe('calendar week', () => {
  it('lists the assistant’s planned visits by day, Monday to Sunday, with Polish day names, holidays and a per-day limit', async () => {
    const { caseId, requestId } = await caseWithRequest(t, 'anowak', 1);
    await signIn(t, HEAD.login);
    const assistant = (await t.call('users:list', {})).find((u) => u.login === 'bwisniewska')!;
    await t.call('requests:decide', { requestId, decision: { kind: 'assign', assistantId: assistant.id } });
    await signIn(t, 'bwisniewska');
    await t.call('visits:plan', { caseId, plannedOn: '2026-03-05', kind: 'outside', place: 'Szkoła Podstawowa nr 1' });
    await t.call('visits:plan', { caseId, plannedOn: '2026-03-05', kind: 'home', place: 'Dom rodziny' });
    await t.call('visits:plan', { caseId, plannedOn: '2026-03-10', kind: 'office', place: 'Ośrodek, pokój 4' });
    await t.call('visits:plan', { caseId, plannedOn: '2026-11-12', kind: 'home', place: 'Dom rodziny' });
    const number = (await t.call('cases:get', { id: caseId })).number;

    // Any day of the week gives the whole week (today, Monday 2 March 2026, is in it).
    const week = await t.call('tray:week', { weekOf: '2026-03-04' });
    expect([week.today, week.from, week.to]).toEqual(['2026-03-02', '2026-03-02', '2026-03-08']);
    expect(week.days.map((d) => d.weekday)).toEqual(['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela']);
    expect(week.days.map((d) => d.workingDay)).toEqual([true, true, true, true, true, false, false]);
    const thursday = week.days[3]!;
    expect(thursday.date).toBe('2026-03-05');
    expect(thursday.total).toBe(2);
    expect(thursday.items.map((i) => i.label).sort()).toEqual([`Wizyta: poza domem, Szkoła Podstawowa nr 1 — sprawa ${number}`, `Wizyta: w domu rodziny, Dom rodziny — sprawa ${number}`].sort());
    expect(thursday.items.every((i) => i.kind === 'planned_visit' && i.caseId === caseId && i.urgency === 'this_week')).toBe(true);
    // Next week's visit is not in this week.
    expect(week.days.flatMap((d) => d.items).some((i) => i.dueDate === '2026-03-10')).toBe(false);

    // A limited day lists perDay items and still counts all.
    const limited = await t.call('tray:week', { weekOf: '2026-03-02', perDay: 1 });
    expect([limited.days[3]!.total, limited.days[3]!.items.length]).toEqual([2, 1]);

    // The next week, and a week with a public holiday.
    const next = await t.call('tray:week', { weekOf: '2026-03-09' });
    expect(next.days[1]!.items.map((i) => i.label)).toEqual([`Wizyta: w ośrodku, Ośrodek, pokój 4 — sprawa ${number}`]);
    const november = await t.call('tray:week', { weekOf: '2026-11-12' });
    expect(november.from).toBe('2026-11-09');
    expect(november.days[2]).toMatchObject({ date: '2026-11-11', weekday: 'środa', holiday: 'Narodowe Święto Niepodległości', workingDay: false, total: 0 });
    expect(november.days[3]!.items).toHaveLength(1);

    // The social worker's week holds her work, not the assistant's visits.
    await signIn(t, 'anowak');
    const worker = await t.call('tray:week', { weekOf: '2026-03-02' });
    expect(worker.days.flatMap((d) => d.items).some((i) => i.kind === 'planned_visit')).toBe(false);
  });

  it('refuses a week that is not a date, in Polish', async () => {
    await signIn(t, 'bwisniewska');
    const refused = await t.fail('tray:week', { weekOf: '2026-02-30' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).not.toMatch(/string|undefined/);
  });
});
