/**
 * Okresowa ocena sytuacji rodziny by the asystent rodziny, at least every 6 months
 * (art. 15 ust. 1 pkt 15 u.w.r.): progress on the plan's goals, changes in the family, and a
 * recommendation to continue, change the plan, or end the work.
 */
import { Text } from '../components/Text';
import {
  DocumentPage,
  DocumentTitle,
  LabelValue,
  Paragraphs,
  PdfDocument,
  PlaceAndDate,
  Section,
  TextSection,
  Signatures,
  Table,
  styles,
} from '../components';
import type { SignatureSpec, TableColumn } from '../components';
import { formatAddress, formatDate, formatDateLong } from '../format';
import { GOAL_PROGRESS, RECOMMENDATION } from '../labels';
import { UWR_SHORT } from '../legal';
import type { GoalAssessment, PeriodicAssessmentModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['periodic-assessment'];

export function documentTitle(model: PeriodicAssessmentModel): string {
  return `Okresowa ocena sytuacji rodziny – ${model.family.name}`;
}

export function validate(model: PeriodicAssessmentModel): string[] {
  return model.period.to < model.period.from ? ['Okres oceny kończy się przed jego początkiem.'] : [];
}

const goalColumns: TableColumn<GoalAssessment>[] = [
  { title: 'Lp.', width: 5, cell: (_, index) => `${index + 1}.`, align: 'right' },
  { title: 'Obszar', width: 15, cell: (row) => row.area ?? '—' },
  { title: 'Cel', width: 25, cell: (row) => row.goal },
  { title: 'Stopień realizacji', width: 15, cell: (row) => (row.progress === null ? '—' : GOAL_PROGRESS[row.progress]) },
  { title: 'Opis postępów i trudności', width: 40, cell: (row) => row.comment },
];

export function PeriodicAssessmentDocument({ model }: { model: PeriodicAssessmentModel }) {
  const { header, family } = model;
  const signatures: SignatureSpec[] = [
    { caption: 'podpis asystenta rodziny', name: model.assistant.fullName, role: model.assistant.role },
    ...model.acknowledgedBy.map((name) => ({ caption: 'zapoznałem(-am) się – podpis członka rodziny', name })),
  ];
  return (
    <PdfDocument
      title={documentTitle(model)}
      author={header.office.name}
      issuedOn={header.issuedOn}
      templateVersion={templateVersion}
    >
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <DocumentTitle
          title="OKRESOWA OCENA SYTUACJI RODZINY"
          subtitle={[
            `za okres od ${formatDate(model.period.from)} do ${formatDate(model.period.to)}`,
            `(art. 15 ust. 1 pkt 15 ${UWR_SHORT})`,
          ]}
        />

        <Section title="1. Dane rodziny">
          <LabelValue label="Rodzina:" value={family.name} />
          <LabelValue label="Adres zamieszkania:" value={formatAddress(family.address)} />
          <LabelValue label="Asystent rodziny:" value={model.assistant.fullName} />
          <LabelValue
            label="Oceniany plan pracy:"
            value={model.plan === null ? null : `wersja ${model.plan.version} z dnia ${formatDate(model.plan.signedOn)}`}
          />
        </Section>

        <Table
          title="2. Realizacja celów planu pracy z rodziną"
          titleLevel="section"
          columns={goalColumns}
          rows={model.goals.map((row) => ({ kind: 'data', row }))}
        />

        <TextSection title="3. Zmiany w sytuacji rodziny" text={model.familyChanges} />

        <TextSection title="4. Współpraca rodziny z asystentem rodziny" text={model.cooperation} />

        <TextSection title="5. Sytuacja dzieci" text={model.childrenSituation} />

        <Section title="6. Wizyty asystenta rodziny w okresie oceny">
          <Text style={styles.paragraph}>
            {model.visits.count === 0
              ? 'W okresie oceny nie odnotowano wizyt.'
              : `Liczba wizyt: ${model.visits.count}; miejsca: ${model.visits.places.map((entry) => `${entry.place} (${entry.count})`).join(', ')}.`}
          </Text>
        </Section>

        <Section title="7. Wnioski i rekomendacja">
          <Text style={[styles.paragraph, styles.bold]}>Rekomendacja: {RECOMMENDATION[model.recommendation]}.</Text>
          <Paragraphs text={model.justification} />
          {model.recommendation !== 'end-work' && (
            <LabelValue
              label="Termin kolejnej oceny:"
              value={model.nextAssessmentDue === null ? null : formatDate(model.nextAssessmentDue)}
            />
          )}
        </Section>

        <Section title="8. Przekazanie oceny kierownikowi ośrodka">
          <LabelValue label="Data przekazania:" value={model.handedOn === null ? 'ocena nie została jeszcze przekazana' : formatDateLong(model.handedOn)} labelWidth={170} />
          {model.received !== null && (
            <LabelValue
              label="Przyjęcie przez kierownika:"
              value={`${formatDateLong(model.received.receivedOn)} – ${model.received.by.fullName}, ${model.received.by.role}`}
              labelWidth={170}
            />
          )}
        </Section>

        <Signatures signatures={signatures} />
      </DocumentPage>
    </PdfDocument>
  );
}
