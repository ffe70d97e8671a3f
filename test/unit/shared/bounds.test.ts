import { describe, expect, it } from 'vitest';
import { isoDateSchema } from '../../../shared/domain/dates';
import { contractCreateSchema } from '../../../shared/family-work';
import { personNameSchema } from '../../../shared/schemas';

describe('bounds of valid input (issue 14)', () => {
  it('dates lie within 1900–2100', () => {
    expect(isoDateSchema.safeParse('1899-12-31').success).toBe(false);
    expect(isoDateSchema.safeParse('2101-01-01').success).toBe(false);
    expect(isoDateSchema.safeParse('0001-01-01').error?.issues[0]?.message).toBe('Data musi mieścić się w latach 1900–2100.');
    expect(isoDateSchema.safeParse('1900-01-01').success).toBe(true);
    expect(isoDateSchema.safeParse('2100-12-31').success).toBe(true);
  });

  it('names need a letter and refuse control, zero-width and bidi characters', () => {
    const name = (lastName: string) => personNameSchema.safeParse({ firstName: 'Anna', lastName }).success;
    expect(name('Żółć-Kowalska')).toBe(true);
    expect(name("O'Brien")).toBe(true);
    for (const bad of ['123', '---', 'Now\u200Bak', 'Nowak\u202Egpj.exe', 'No\u0007wak', 'No\uFEFFwak']) expect(name(bad), JSON.stringify(bad)).toBe(false);
  });

  it('a kontrakt does not end before it starts', () => {
    const contract = { caseId: '11111111-1111-4111-8111-111111111111', variant: 'A', clientIds: ['22222222-2222-4222-8222-222222222222'], causes: '', possibilities: '', limitations: '', mainGoal: '', partialGoals: [], actions: [], periodFrom: '2026-06-30', periodTo: '2026-03-01' };
    expect(contractCreateSchema.safeParse(contract).error?.issues[0]).toMatchObject({ path: ['periodTo'], message: 'Kontrakt nie może kończyć się przed dniem, w którym się zaczyna.' });
    expect(contractCreateSchema.safeParse({ ...contract, periodTo: '2026-06-30' }).success).toBe(true);
  });
});

describe('list bounds (issue 14, Medium 9)', () => {
  it('refuses a plan of 300 000 tasks, and one over the total', async () => {
    const { PLAN_MAX_TASKS, planContentSchema } = await import('../../../shared/family-work');
    const task = { description: 'Zadanie', responsible: 'Matka', deadline: '2026-06-30', expectedEffect: '', resources: '' };
    const plan = (areas: number, goals: number, tasks: number) => ({
      type: 'standard',
      areas: Array.from({ length: areas }, (_, a) => ({ name: `Obszar ${a}`, goals: Array.from({ length: goals }, (_, g) => ({ name: `Cel ${g}`, tasks: Array.from({ length: tasks }, () => task) })) })),
    });
    expect(planContentSchema.safeParse(plan(30, 50, 200)).success).toBe(false);
    expect(planContentSchema.safeParse(plan(10, 10, 4)).success).toBe(false);
    expect(planContentSchema.safeParse(plan(10, 10, 4)).error?.issues[0]?.message).toBe(`Plan może mieć najwyżej ${PLAN_MAX_TASKS} zadań.`);
    expect(planContentSchema.safeParse(plan(5, 4, 10)).success).toBe(true);
  });
});
