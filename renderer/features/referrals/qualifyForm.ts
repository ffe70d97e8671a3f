/**
 * The qualification form's state as typed (texts, not yet numbers or dates), and its reading into
 * the channel's input and the live result. Kept apart from the screen so that it can be tested.
 */
import type { DOCUMENT_TYPES, Relation } from '../../../shared/cases';
import type { Art7Reason } from '../../../shared/domain/caseFlow';
import { qualify, type QualificationResult, type ReferralProgramme } from '../../../shared/domain/foodAid';
import { type IncomeItem, type IncomeSource, parseZl } from '../../../shared/domain/income';
import { validatePesel, type Sex } from '../../../shared/domain/pesel';
import { shopRules, type ReferralConfigView, type ReferralIssueInput } from '../../../shared/referrals';
import { parsePolishDate } from '../../lib/dates';

export interface MemberDraft {
  key: string;
  relation: Relation;
  /** Chosen from the office's register (a duplicate hint): the fields below are then ignored. */
  existingPersonId: string | null;
  existingLabel: string | null;
  firstName: string;
  lastName: string;
  pesel: string;
  /** A person without a PESEL (e.g. a foreigner): birth date, sex and an identity document instead. */
  noPesel: boolean;
  birthDate: string;
  sex: Sex | null;
  documentType: DocumentType;
  documentNumber: string;
}

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface IncomeDraft {
  key: string;
  memberKey: string;
  source: IncomeSource;
  gross: string;
  tax: string;
  contributions: string;
  alimonyPaid: string;
}

export interface QualifyDraft {
  programme: ReferralProgramme;
  basis: 'declaration' | 'interview';
  caseId: string | null;
  declaredOn: string;
  members: MemberDraft[];
  incomes: IncomeDraft[];
  farmHectares: string;
  reasons: Art7Reason[];
  subprogrammeId: string | null;
  partnerId: string | null;
  pointId: string | null;
  admittedGroup: string | null;
}

let counter = 0;
export const newKey = (prefix: string): string => `${prefix}${++counter}`;

export function emptyMember(relation: Relation): MemberDraft {
  return { key: newKey('m'), relation, existingPersonId: null, existingLabel: null, firstName: '', lastName: '', pesel: '', noPesel: false, birthDate: '', sex: null, documentType: 'passport', documentNumber: '' };
}

export function emptyIncome(memberKey: string): IncomeDraft {
  return { key: newKey('i'), memberKey, source: 'employment', gross: '', tax: '', contributions: '', alimonyPaid: '' };
}

export function emptyDraft(programme: ReferralProgramme, today: string): QualifyDraft {
  const applicant = emptyMember('applicant');
  return {
    programme,
    basis: 'declaration',
    caseId: null,
    declaredOn: today.split('-').reverse().join('.'),
    members: [applicant],
    incomes: [],
    farmHectares: '',
    reasons: [],
    subprogrammeId: null,
    partnerId: null,
    pointId: null,
    admittedGroup: null,
  };
}

const amount = (text: string): number | null => (text.trim() === '' ? 0 : parseZl(text));

/** The income items as the income test reads them, or a Polish problem. */
export function readIncomes(draft: QualifyDraft): { items: IncomeItem[] } | { problem: string } {
  const items: IncomeItem[] = [];
  for (const [index, row] of draft.incomes.entries()) {
    const values = [amount(row.gross), amount(row.tax), amount(row.contributions), amount(row.alimonyPaid)];
    if (values.some((v) => v === null)) return { problem: `Dochód ${index + 1}: wpisz kwoty w złotych, np. 1234,56.` };
    const [grossGr, taxGr, contributionsGr, alimonyPaidGr] = values as number[];
    items.push({ personId: row.memberKey, source: row.source, grossGr: grossGr!, taxGr: taxGr!, contributionsGr: contributionsGr!, alimonyPaidGr: alimonyPaidGr! });
  }
  return { items };
}

function readHectares(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The live result of a declaration (the wywiad's result is the main process's), or why there is none yet. */
export function liveResult(draft: QualifyDraft, config: ReferralConfigView): QualificationResult | string {
  if (draft.basis !== 'declaration') return 'Wynik policzy ośrodek z wywiadu wybranej sprawy po kliknięciu „Wydaj skierowanie”.';
  const date = parsePolishDate(draft.declaredOn);
  if (!date) return 'Wpisz datę oświadczenia w postaci DD.MM.RRRR.';
  if (draft.members.length === 0) return 'Gospodarstwo domowe musi liczyć co najmniej jedną osobę.';
  const incomes = readIncomes(draft);
  if ('problem' in incomes) return incomes.problem;
  const farmHectares = readHectares(draft.farmHectares);
  if (farmHectares === null) return 'Hektary przeliczeniowe: wpisz liczbę, np. 1,5.';
  try {
    return qualify(
      { programme: draft.programme, date, householdSize: draft.members.length, items: incomes.items, farmHectares, reasons: draft.reasons, admittedGroup: draft.admittedGroup },
      { thresholds: config.thresholds, shop: shopRules(config.settings.shop) },
    );
  } catch (error) {
    return error instanceof Error ? error.message : 'Nie można policzyć dochodu.';
  }
}

/** The channel's input; the main process checks everything again. */
export function issueInput(draft: QualifyDraft, duplicateReason: string): ReferralIssueInput | string {
  const target = {
    programme: draft.programme,
    subprogrammeId: draft.programme === 'fepz' ? draft.subprogrammeId : null,
    partnerId: draft.programme === 'fepz' ? draft.partnerId : null,
    pointId: draft.programme === 'fepz' ? draft.pointId : null,
    admittedGroup: draft.programme === 'shop' ? draft.admittedGroup : null,
    duplicateReason,
  };
  if (draft.basis === 'interview') {
    if (!draft.caseId) return 'Wybierz sprawę, której wywiad ma być podstawą skierowania.';
    return { ...target, source: { kind: 'interview', caseId: draft.caseId, reasons: draft.reasons } };
  }
  const declaredOn = parsePolishDate(draft.declaredOn);
  if (!declaredOn) return 'Wpisz datę oświadczenia w postaci DD.MM.RRRR.';
  const incomes = readIncomes(draft);
  if ('problem' in incomes) return incomes.problem;
  const farmHectares = readHectares(draft.farmHectares);
  if (farmHectares === null) return 'Hektary przeliczeniowe: wpisz liczbę, np. 1,5.';
  const members: Extract<ReferralIssueInput['source'], { kind: 'declaration' }>['members'] = [];
  for (const [index, m] of draft.members.entries()) {
    if (m.existingPersonId) {
      members.push({ key: m.key, relation: m.relation, existingPersonId: m.existingPersonId });
      continue;
    }
    if (m.noPesel) {
      const birthDate = parsePolishDate(m.birthDate);
      if (!birthDate) return `Osoba ${index + 1}: wpisz datę urodzenia w postaci DD.MM.RRRR.`;
      if (!m.sex) return `Osoba ${index + 1}: wybierz płeć.`;
      if (m.documentNumber.trim() === '') return `Osoba ${index + 1}: bez numeru PESEL podaj numer dokumentu tożsamości.`;
      members.push({
        key: m.key,
        relation: m.relation,
        person: { firstName: m.firstName, lastName: m.lastName, birthDate, sex: m.sex, documentType: m.documentType, documentNumber: m.documentNumber.trim() },
      });
      continue;
    }
    const pesel = validatePesel(m.pesel.trim());
    if (!pesel.ok) return `Osoba ${index + 1}: ${pesel.message}`;
    members.push({
      key: m.key,
      relation: m.relation,
      person: { pesel: m.pesel.trim(), firstName: m.firstName, lastName: m.lastName, birthDate: pesel.birthDate, sex: pesel.sex },
    });
  }
  return {
    ...target,
    source: { kind: 'declaration', declaredOn, members, income: farmHectares === undefined ? { items: incomes.items } : { items: incomes.items, farmHectares }, reasons: draft.reasons },
  };
}
