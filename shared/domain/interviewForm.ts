/**
 * The rodzinny wywiad środowiskowy as a versioned form definition (rozp. MRiPS z 8.04.2021,
 * Dz.U. 2021 poz. 893). Each interview stores its form version and its answers per segment as
 * JSON, so a later amendment of the form adds a version here without touching stored interviews.
 *
 * Confirmed [C]: part I has segments A–J; A, H, I and J are mandatory; C = warunki bytowe;
 * part IV = aktualizacja. The titles of B, D–G are [U] (docs/domain.md#the-wywiad): kept as data, easy to fix.
 */
export interface FormField {
  key: string;
  label: string;
  /** A multi-line answer (textarea) rather than one line. */
  long?: boolean;
  required?: boolean;
}

export interface FormSegment {
  code: string;
  title: string;
  mandatory: boolean;
  /** art. 16 u.w.r.: may an asystent rodziny read this segment? */
  assistantMayRead: boolean;
  fields: readonly FormField[];
}

export interface InterviewForm {
  version: string;
  title: string;
  legalSource: string;
  segments: readonly FormSegment[];
}

const text = (key: string, label: string, required = false): FormField => ({ key, label, long: true, required });
const line = (key: string, label: string, required = false): FormField => ({ key, label, required });

export const INTERVIEW_FORM_2021: InterviewForm = {
  version: 'RWS-2021',
  title: 'Kwestionariusz rodzinnego wywiadu środowiskowego',
  legalSource: 'Rozporządzenie MRiPS z dnia 8 kwietnia 2021 r. (Dz.U. 2021 poz. 893)',
  segments: [
    {
      code: 'I.A',
      title: 'Dane osoby i rodziny',
      mandatory: true,
      assistantMayRead: true,
      fields: [
        line('addressOfStay', 'Adres miejsca pobytu (jeśli inny niż zamieszkania)'),
        text('familyComposition', 'Skład rodziny i wspólne gospodarstwo domowe — opis', true),
        text('education', 'Wykształcenie i zawód członków rodziny'),
      ],
    },
    {
      code: 'I.B',
      title: 'Sytuacja zawodowa i materialna', // [U]
      mandatory: false,
      assistantMayRead: true,
      fields: [text('employment', 'Zatrudnienie, rejestracja w urzędzie pracy'), text('income', 'Źródła utrzymania')],
    },
    {
      code: 'I.C',
      title: 'Warunki bytowe', // [C]
      mandatory: false,
      assistantMayRead: true,
      fields: [text('housing', 'Mieszkanie: tytuł prawny, liczba izb, wyposażenie, stan'), text('livingConditions', 'Warunki bytowe — opis')],
    },
    {
      code: 'I.D',
      title: 'Sytuacja zdrowotna', // [U]
      mandatory: false,
      // Health data is beyond what art. 16 u.w.r. lists for the assistant.
      assistantMayRead: false,
      fields: [text('health', 'Stan zdrowia, niepełnosprawność, leczenie'), text('addictions', 'Uzależnienia')],
    },
    {
      code: 'I.E',
      title: 'Sytuacja opiekuńczo-wychowawcza', // [U]
      mandatory: false,
      assistantMayRead: true,
      fields: [text('childcare', 'Opieka nad dziećmi, szkoła, rozwój dzieci'), text('legalStatus', 'Sytuacja prawna dzieci')],
    },
    {
      code: 'I.F',
      title: 'Relacje w rodzinie i otoczeniu', // [U]
      mandatory: false,
      assistantMayRead: true,
      fields: [text('relations', 'Relacje w rodzinie'), text('environment', 'Kontakty z otoczeniem i instytucjami')],
    },
    {
      code: 'I.G',
      title: 'Inne informacje', // [U]
      mandatory: false,
      assistantMayRead: false,
      fields: [text('other', 'Inne informacje istotne dla oceny sytuacji')],
    },
    {
      code: 'I.H',
      title: 'Potrzeby zgłaszane przez osobę lub rodzinę',
      mandatory: true,
      assistantMayRead: true,
      fields: [text('needs', 'Potrzeby i oczekiwania zgłaszane przez osobę lub rodzinę', true)],
    },
    {
      code: 'I.I',
      title: 'Ocena sytuacji i wnioski pracownika socjalnego',
      mandatory: true,
      assistantMayRead: true,
      fields: [text('diagnosis', 'Ocena sytuacji (diagnoza)', true), text('conclusions', 'Wnioski', true)],
    },
    {
      code: 'I.J',
      title: 'Plan pomocy',
      mandatory: true,
      assistantMayRead: true,
      fields: [text('helpPlan', 'Planowana pomoc i działania', true)],
    },
    {
      code: 'IV',
      title: 'Aktualizacja wywiadu',
      mandatory: false,
      assistantMayRead: true,
      fields: [text('changes', 'Zmiany w sytuacji osoby lub rodziny'), text('updateConclusions', 'Wnioski po aktualizacji')],
    },
  ],
};

export const INTERVIEW_FORMS: Readonly<Record<string, InterviewForm>> = { [INTERVIEW_FORM_2021.version]: INTERVIEW_FORM_2021 };
export const CURRENT_INTERVIEW_FORM = INTERVIEW_FORM_2021;

/** Answers: segment code → field key → text. */
export type SegmentAnswers = Record<string, Record<string, string>>;

/** The mandatory segments whose required fields are not all filled in (e.g. ['I.H', 'I.J']). */
export function missingMandatorySegments(form: InterviewForm, answers: SegmentAnswers): string[] {
  return form.segments
    .filter((segment) => segment.mandatory)
    .filter((segment) => segment.fields.some((field) => field.required && !(answers[segment.code]?.[field.key] ?? '').trim()))
    .map((segment) => segment.code);
}

/** Documents per person (seed 003): the checklist of what was received. */
export const DOCUMENT_CHECKLIST = [
  { key: 'id', label: 'Dowód osobisty lub inny dokument tożsamości' },
  { key: 'birth', label: 'Skrócony odpis aktu urodzenia dziecka' },
  { key: 'foreigner', label: 'Dokument określający status cudzoziemca' },
  { key: 'pension', label: 'Decyzja o rencie, emeryturze lub świadczeniu przedemerytalnym' },
  { key: 'disability', label: 'Orzeczenie o niepełnosprawności lub niezdolności do pracy' },
  { key: 'salary', label: 'Zaświadczenie lub oświadczenie o wynagrodzeniu' },
  { key: 'civilContract', label: 'Zaświadczenie o dochodzie z umowy zlecenia lub o dzieło' },
  { key: 'employmentPeriod', label: 'Zaświadczenie o okresie zatrudnienia' },
  { key: 'farm', label: 'Zaświadczenie o powierzchni gospodarstwa rolnego w ha przeliczeniowych' },
  { key: 'school', label: 'Zaświadczenie o kontynuowaniu nauki' },
  { key: 'unemployment', label: 'Decyzja starosty (PUP) o statusie bezrobotnego' },
  { key: 'krus', label: 'Zaświadczenie o składkach KRUS' },
] as const;
export type DocumentKey = (typeof DOCUMENT_CHECKLIST)[number]['key'];
export type DocumentStatus = 'received' | 'missing' | 'not_applicable';
