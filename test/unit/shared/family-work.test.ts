import { describe, expect, it } from 'vitest';
import { contractActionSchema, planContentSchema } from '../../../shared/family-work';

const TASK = { description: 'Spotkanie z pedagogiem', responsible: 'Matka', deadline: '2026-03-31', expectedEffect: '', resources: '', status: 'planned' };
const plan = (deadline: string) => ({ type: 'standard', coordinator: '', areas: [{ name: 'Dom', goals: [{ name: 'Porządek', tasks: [{ ...TASK, deadline }] }] }] });
const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } | undefined }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('family-work schemas', () => {
  it('a plan task without a deadline asks for it, a wrong one says so', () => {
    expect(planContentSchema.safeParse(plan('2026-03-31')).success).toBe(true);
    expect(messages(planContentSchema.safeParse(plan('')))).toEqual({ 'areas.0.goals.0.tasks.0.deadline': 'Podaj termin zadania.' });
    expect(messages(planContentSchema.safeParse(plan('2026-02-30')))).toEqual({ 'areas.0.goals.0.tasks.0.deadline': 'Nieprawidłowa data (oczekiwano RRRR-MM-DD).' });
  });

  it('a kontrakt action without a deadline asks for it', () => {
    expect(messages(contractActionSchema.safeParse({ party: 'client', description: 'Rejestracja w PUP', deadline: '' }))).toEqual({ deadline: 'Podaj termin działania.' });
  });
});
