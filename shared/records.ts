/**
 * Corrections and changes of what was recorded (issue 15, part B): the family after intake, the
 * people who lead a case, a second report about a family with an open case. Each change carries
 * the day it happened and is written to the case's change register with its author.
 */
import { z } from 'zod';
import { isoDateSchema, type IsoDate } from './domain/dates';
import { CHILD_WHEREABOUTS, memberInputSchema, personInputSchema, REPORT_SOURCES } from './cases';
import { optionalText, postalCodeSchema, text } from './schemas';

// ---- the family ------------------------------------------------------------------------------

/** Where a child placed outside the family stays (a subset of CHILD_WHEREABOUTS without 'home'). */
export const PLACEMENTS = CHILD_WHEREABOUTS.filter((w): w is Exclude<(typeof CHILD_WHEREABOUTS)[number], 'home'> => w !== 'home');
export type Placement = (typeof PLACEMENTS)[number];

export const FAMILY_CHANGE_KINDS = ['address', 'member_joins', 'member_leaves', 'child_placed', 'child_returns', 'person_corrected'] as const;
export type FamilyChangeKind = (typeof FAMILY_CHANGE_KINDS)[number];
export const FAMILY_CHANGE_LABELS: Record<FamilyChangeKind, string> = {
  address: 'Nowy adres rodziny',
  member_joins: 'Nowa osoba w rodzinie (narodziny dziecka, nowy partner)',
  member_leaves: 'Osoba wyprowadziła się',
  child_placed: 'Dziecko umieszczone w pieczy zastępczej',
  child_returns: 'Dziecko wróciło do rodziny',
  person_corrected: 'Poprawienie danych osoby (imię, nazwisko, PESEL, telefon)',
};

const memberRef = z.uuid({ error: 'Wybierz osobę z rodziny.' });

export const familyChangeSchema = z.object({
  caseId: z.uuid(),
  /** The day it happened (the move, the birth, the court's placement); for a correction, the day it was found. */
  effectiveOn: isoDateSchema,
  note: optionalText('Uwagi', 2000).default(''),
  change: z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('address'),
        street: text('Ulica i numer', 200),
        postalCode: postalCodeSchema,
        city: text('Miejscowość', 100),
        rural: z.boolean(),
      }),
      z.object({ kind: z.literal('member_joins'), member: memberInputSchema }),
      z.object({ kind: z.literal('member_leaves'), memberId: memberRef }),
      z.object({ kind: z.literal('child_placed'), memberId: memberRef, whereabouts: z.enum(PLACEMENTS, { error: 'Wybierz, gdzie dziecko zostało umieszczone.' }) }),
      z.object({ kind: z.literal('child_returns'), memberId: memberRef }),
      z.object({
        kind: z.literal('person_corrected'),
        memberId: memberRef,
        person: personInputSchema,
      }),
    ],
    { error: 'Wybierz rodzaj zmiany.' },
  ),
});
export type FamilyChangeInput = z.input<typeof familyChangeSchema>;

/** A child's stay away from home, as the family tab shows it. */
export interface PlacementView {
  id: string;
  whereabouts: Placement;
  fromOn: IsoDate;
  toOn: IsoDate | null;
}

export interface AddressView {
  street: string;
  postalCode: string;
  city: string;
  rural: boolean;
  /** null: known since before the report. */
  fromOn: IsoDate | null;
  toOn: IsoDate | null;
}

// ---- the people who lead a case ----------------------------------------------------------------

export const staffChangeSchema = z.object({
  caseId: z.uuid(),
  role: z.enum(['worker', 'assistant'], { error: 'Wybierz, kogo dotyczy zmiana.' }),
  /** The new social worker or assistant. */
  userId: z.uuid({ error: 'Wybierz osobę, która przejmie sprawę.' }),
  effectiveOn: isoDateSchema,
  reason: text('Przyczyna zmiany', 2000),
  /** Print the reason in the letter to the family (the kierownik's choice; by default it stays in the file). */
  reasonInLetter: z.boolean().default(false),
});
export type StaffChangeInput = z.input<typeof staffChangeSchema>;

export interface StaffPeriodView {
  /** The period's record; null: a case's first worker, known from the case itself. */
  id: string | null;
  userId: string;
  name: string;
  fromOn: IsoDate;
  toOn: IsoDate | null;
  reason: string;
  endReason: string | null;
  /** The period began with a change of person: the family's letter about it can be printed. */
  startedByChange: boolean;
  reasonInLetter: boolean;
}

/** Who led the case and when: the social workers and the assistants. */
export interface StaffHistoryView {
  workers: StaffPeriodView[];
  assistants: StaffPeriodView[];
}

/** A case a user still leads, listed when switching her off is refused. */
export interface ActiveCaseRef {
  caseId: string;
  number: string;
  familyName: string;
  role: 'worker' | 'assistant';
}

// ---- a second report about a family with an open case -----------------------------------------

export const additionalReportSchema = z.object({
  /** The person the intake found in the register; her open case takes the report. */
  personId: z.uuid(),
  /** Which open case, when she has more than one (only a case the user may open can be named). */
  caseId: z.uuid().optional(),
  reportedOn: isoDateSchema,
  source: z.enum(REPORT_SOURCES, { error: 'Wybierz, od kogo pochodzi informacja.' }),
  sourceDetails: optionalText('Szczegóły źródła', 300).default(''),
  report: text('Treść zgłoszenia', 8000),
});
export type AdditionalReportInput = z.input<typeof additionalReportSchema>;

/** An open case of a person found at intake: number and state only if the user may open it. */
export interface OpenCaseView {
  caseId: string | null;
  number: string | null;
  statusLabel: string | null;
  workerName: string;
}

// ---- a court's obligation to work with an assistant -------------------------------------------

/** art. 109 § 2 pkt 1 k.r.o.: the family court obliged the parents to work with an assistant. */
export const courtOrderSchema = z.object({
  caseId: z.uuid(),
  court: text('Sąd', 300),
  reference: text('Sygnatura akt', 60),
  orderedOn: isoDateSchema,
});
export type CourtOrderInput = z.input<typeof courtOrderSchema>;

export interface CourtOrderView {
  court: string;
  reference: string;
  orderedOn: IsoDate;
}

export const COURT_ORDER_BASIS = 'art. 109 § 2 pkt 1 Kodeksu rodzinnego i opiekuńczego';
