/**
 * Plan pracy z rodziną, made by the asystent rodziny with the family (art. 15 ust. 1 u.w.r.):
 * - pkt 1: in consultation with the pracownik socjalny (standard plan);
 * - pkt 2: with the koordynator rodzinnej pieczy zastępczej, coordinated with the child's
 *   plan pomocy dziecku (coordinated plan).
 * Art. 15 ust. 3: the plan lists the actions, their deadlines and expected effects.
 * No statutory template: areas → goals → tasks, as OPS plans usually are.
 */
import { Text } from '../components/Text';
import {
  DocumentPage,
  DocumentTitle,
  FamilyMembersTable,
  LabelValue,
  PdfDocument,
  PlaceAndDate,
  Section,
  TextSection,
  Signatures,
  Table,
  styles,
} from '../components';
import type { SignatureSpec, TableColumn, TableRow } from '../components';
import { formatAddress, formatDate, formatRange } from '../format';
import { CONTINUOUS, TASK_STATUS, WORK_PLAN_KIND } from '../labels';
import { UWR_SHORT } from '../legal';
import type { FamilyWorkPlanModel, WorkPlanArea, WorkPlanTask } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['family-work-plan'];

export function documentTitle(model: FamilyWorkPlanModel): string {
  return `Plan pracy z rodziną (wersja ${model.version}) – ${model.family.name}`;
}

export function validate(model: FamilyWorkPlanModel): string[] {
  const problems: string[] = [];
  if (model.kind === 'coordinated' && model.coordinator === null) {
    problems.push('Plan skoordynowany z planem pomocy dziecku wymaga wskazania koordynatora rodzinnej pieczy zastępczej.');
  }
  if (model.period !== null && model.period.to !== null && model.period.to < model.period.from) {
    problems.push('Okres realizacji planu kończy się przed jego początkiem.');
  }
  return problems;
}

interface NumberedTask {
  number: string;
  task: WorkPlanTask;
}

const taskColumns: TableColumn<NumberedTask>[] = [
  { title: 'Lp.', width: 7, cell: (row) => row.number },
  { title: 'Zadanie (działanie)', width: 22, cell: (row) => row.task.description },
  { title: 'Osoba odpowiedzialna', width: 15, cell: (row) => row.task.responsible },
  { title: 'Termin', width: 11, cell: (row) => (row.task.deadline === null ? CONTINUOUS : formatDate(row.task.deadline)) },
  { title: 'Oczekiwany efekt', width: 18, cell: (row) => row.task.expectedEffect },
  { title: 'Zasoby', width: 14, cell: (row) => row.task.resources ?? '—' },
  { title: 'Status', width: 13, cell: (row) => TASK_STATUS[row.task.status] },
];

/** Areas and goals become group rows of one table, so its header repeats on every page. */
function planRows(areas: WorkPlanArea[]): TableRow<NumberedTask>[] {
  const rows: TableRow<NumberedTask>[] = [];
  areas.forEach((area, a) => {
    rows.push({ kind: 'group', label: `Obszar ${a + 1}: ${area.area}` });
    if (area.goals.length === 0) rows.push({ kind: 'note', text: 'brak celów w tym obszarze' });
    area.goals.forEach((goal, g) => {
      rows.push({ kind: 'group', level: 2, label: `Cel ${a + 1}.${g + 1}: ${goal.goal}` });
      if (goal.tasks.length === 0) rows.push({ kind: 'note', text: 'brak zadań dla tego celu' });
      goal.tasks.forEach((task, t) => rows.push({ kind: 'data', row: { number: `${a + 1}.${g + 1}.${t + 1}.`, task } }));
    });
  });
  return rows;
}

export function FamilyWorkPlanDocument({ model }: { model: FamilyWorkPlanModel }) {
  const { header, family } = model;
  const coordinated = model.kind === 'coordinated';
  // Signed on the plan's signing date (blank on a draft printed to be signed).
  const dated = { place: header.place, date: header.dated };
  const signatures: SignatureSpec[] = [
    ...model.familySignatories.map((name) => ({ caption: 'podpis członka rodziny', name, dated })),
    { caption: 'podpis asystenta rodziny', name: model.assistant.fullName, role: model.assistant.role, dated },
    {
      caption: 'w konsultacji z pracownikiem socjalnym',
      name: model.socialWorker.fullName,
      role: model.socialWorker.role,
    },
  ];
  if (coordinated && model.coordinator !== null) {
    signatures.push({
      caption: 'podpis koordynatora rodzinnej pieczy zastępczej',
      dated,
      name: model.coordinator.fullName,
      role: model.coordinator.institution,
    });
  }

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
          title="PLAN PRACY Z RODZINĄ"
          subtitle={[`wersja ${model.version}`, `okres realizacji: ${model.period === null ? 'od dnia podpisania planu' : formatRange(model.period)}`]}
        />

        <Section title="1. Dane rodziny i osoby prowadzące">
          <LabelValue label="Rodzina:" value={family.name} />
          <LabelValue label="Adres zamieszkania:" value={formatAddress(family.address)} />
          <LabelValue label="Rodzaj planu:" value={WORK_PLAN_KIND[model.kind]} />
          <LabelValue label="Asystent rodziny:" value={model.assistant.fullName} />
          <LabelValue label="Pracownik socjalny:" value={model.socialWorker.fullName} />
          {coordinated && (
            <LabelValue
              label="Koordynator rodzinnej pieczy zastępczej:"
              value={model.coordinator === null ? null : `${model.coordinator.fullName}, ${model.coordinator.institution}`}
            />
          )}
        </Section>

        <FamilyMembersTable title="2. Skład rodziny" members={model.members} />

        <TextSection title="3. Diagnoza sytuacji rodziny (zasoby i trudności)" text={model.diagnosis} />
        <TextSection title="4. Cele krótkoterminowe" text={model.shortTermGoals} />
        <TextSection title="5. Cele długoterminowe" text={model.longTermGoals} />

        <Table title="6. Obszary pracy, cele, działania, terminy i przewidywane efekty" titleLevel="section" columns={taskColumns} rows={planRows(model.areas)} />

        <TextSection title="7. Sposób i termin przeglądu planu" text={model.review} />

        <Text style={[styles.paragraph, styles.small]}>
          {coordinated
            ? `Plan opracowano we współpracy z członkami rodziny i koordynatorem rodzinnej pieczy zastępczej; jest skoordynowany z planem pomocy dziecku umieszczonemu w pieczy zastępczej (art. 15 ust. 1 pkt 2 ${UWR_SHORT}).`
            : `Plan opracowano we współpracy z członkami rodziny i w konsultacji z pracownikiem socjalnym (art. 15 ust. 1 pkt 1 ${UWR_SHORT}).`}{' '}
          Plan określa działania służące przezwyciężeniu trudnej sytuacji rodziny, terminy ich realizacji i
          przewidywane efekty (art. 15 ust. 3).
        </Text>

        <Signatures title="Podpisy" signatures={signatures} />

        {model.approval !== null && (
          <Signatures
            title="Zatwierdzam"
            columns={1}
            signatures={[
              {
                caption: 'podpis kierownika ośrodka',
                name: model.approval.approvedBy?.fullName ?? null,
                role: model.approval.approvedBy?.role ?? null,
                dated: { place: header.place, date: model.approval.approvedOn },
              },
            ]}
          />
        )}
      </DocumentPage>
    </PdfDocument>
  );
}
