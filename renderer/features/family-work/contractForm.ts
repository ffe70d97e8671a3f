/**
 * The kontrakt socjalny form as the screen holds it (partial goals as rows), its empty and loaded
 * values, and its way to `contracts:create` / `contracts:save`.
 */
import type { DefaultValues } from 'react-hook-form';
import { z } from 'zod';
import { RELATION_LABELS, type CaseFileView } from '../../../shared/cases';
import { addMonths } from '../../../shared/domain/dates';
import { contractContentSchema, type ContractView } from '../../../shared/family-work';
import { text } from '../../../shared/schemas';
import { todayIso } from '../../lib/dates';

/** The form keeps partial goals as rows (react-hook-form's field arrays hold objects, not strings). */
export const contractFormSchema = contractContentSchema.extend({ partialGoals: z.array(z.object({ text: text('Cel szczegółowy', 1000) })).max(30) });
export type ContractFormInput = z.input<typeof contractFormSchema>;
export type ContractFormOutput = z.output<typeof contractFormSchema>;

export const PARTY_OPTIONS = [
  { value: 'client', label: 'Osoba / rodzina' },
  { value: 'worker', label: 'Pracownik socjalny' },
];
export const ACTION_STATUS_OPTIONS = [
  { value: 'planned', label: 'Zaplanowane' },
  { value: 'done', label: 'Wykonane' },
  { value: 'not_done', label: 'Niewykonane' },
];
export function relationLabel(relation: string): string {
  return relation in RELATION_LABELS ? RELATION_LABELS[relation as keyof typeof RELATION_LABELS].toLowerCase() : relation;
}

export function toForm(contract: ContractView): ContractFormInput {
  const { variant, clientIds, causes, possibilities, limitations, mainGoal, actions, periodFrom, periodTo } = contract;
  return { variant, clientIds, causes, possibilities, limitations, mainGoal, actions, periodFrom, periodTo, partialGoals: contract.partialGoals.map((goal) => ({ text: goal })), labourMarket: contract.labourMarket ?? EMPTY_LABOUR_MARKET };
}

/** Variant B, part I B: the person's labour-market situation (printed on the kontrakt). */
export const EMPTY_LABOUR_MARKET = { education: '', pupRegistration: '', unemploymentReason: '', profile: '' };
export const LABOUR_MARKET_FIELDS = [
  { key: 'education', label: 'Wykształcenie' },
  { key: 'pupRegistration', label: 'Rejestracja w powiatowym urzędzie pracy', description: 'Np. „bezrobotna bez prawa do zasiłku od 12.01.2026” albo „nie jest zarejestrowana”.' },
  { key: 'unemploymentReason', label: 'Przyczyny pozostawania bez pracy' },
  { key: 'profile', label: 'Profil pomocy / forma wsparcia ustalona w urzędzie pracy' },
] as const;

export function emptyContract(file: CaseFileView): DefaultValues<ContractFormInput> {
  const today = todayIso();
  const applicant = file.family.members.find((member) => member.relation === 'applicant') ?? file.family.members[0];
  return {
    clientIds: applicant ? [applicant.person.id] : [],
    causes: '',
    possibilities: '',
    limitations: '',
    mainGoal: '',
    partialGoals: [],
    actions: [],
    periodFrom: today,
    periodTo: addMonths(today, 6),
    labourMarket: EMPTY_LABOUR_MARKET,
  };
}

/**
 * A new contract is created by its first save, which moves to its own screen (its id, its draft);
 * a refusal to sign it at that moment is handed over to that screen so the user still sees why.
 */
export const signRefusals = new Map<string, string>();

export function toInput(values: ContractFormOutput) {
  return { ...values, partialGoals: values.partialGoals.map((goal) => goal.text) };
}
