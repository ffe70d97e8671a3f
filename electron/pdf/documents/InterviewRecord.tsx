/**
 * The rodzinny wywiad środowiskowy as completed (rozp. MRiPS z 8.04.2021, Dz.U. 2021 poz. 893):
 * the family on the day of the wywiad, the segments of part I in the form's order (and part IV of
 * an update), the income test and the documents received, signed by the social worker. Dated with
 * the day the wywiad was completed; its data as they stood then (a completed wywiad is locked).
 */
import { Fragment } from 'react';
import { Text } from '../components/Text';
import {
  DocumentPage,
  DocumentTitle,
  FamilyMembersTable,
  LabelValue,
  List,
  Paragraphs,
  PdfDocument,
  PlaceAndDate,
  Section,
  Signatures,
  SubHeading,
  Table,
  TextSection,
  styles,
  type TableColumn,
} from '../components';
import { formatAddress, formatDate, isBlank } from '../format';
import type { InterviewIncomeRow, InterviewRecordModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['interview-record'];

export function documentTitle(model: InterviewRecordModel): string {
  return `${model.kind === 'update' ? 'Aktualizacja rodzinnego wywiadu środowiskowego' : 'Rodzinny wywiad środowiskowy'} – ${model.family.name}`;
}

const incomeColumns: TableColumn<InterviewIncomeRow>[] = [
  { title: 'Lp.', width: 5, cell: (_, index) => `${index + 1}.`, align: 'right' },
  { title: 'Osoba', width: 22, cell: (row) => row.person },
  { title: 'Źródło dochodu', width: 28, cell: (row) => row.source },
  { title: 'Kwota', width: 13, cell: (row) => row.amount, align: 'right' },
  { title: 'Uwagi', width: 32, cell: (row) => row.excludedBecause ?? 'wliczony do dochodu' },
];

export function InterviewRecordDocument({ model }: { model: InterviewRecordModel }) {
  const { header } = model;
  return (
    <PdfDocument title={documentTitle(model)} author={header.office.name} issuedOn={header.issuedOn} templateVersion={templateVersion}>
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <DocumentTitle
          title={model.kind === 'update' ? 'AKTUALIZACJA RODZINNEGO WYWIADU ŚRODOWISKOWEGO' : 'RODZINNY WYWIAD ŚRODOWISKOWY'}
          subtitle={[model.formTitle, model.legalSource]}
        />
        <LabelValue label="Rodzina:" value={model.family.name} />
        <LabelValue label="Adres:" value={formatAddress(model.family.address)} />
        <LabelValue label="Data wywiadu:" value={model.conductedOn === null ? null : formatDate(model.conductedOn)} />
        <LabelValue label="Miejsce wywiadu:" value={model.place} />
        <LabelValue label="Pracownik socjalny:" value={model.socialWorker.fullName} />

        <FamilyMembersTable title="Skład rodziny w dniu wywiadu" members={model.members} />

        {model.parts.map((part) => (
          <PartSection key={part.code} part={part} />
        ))}

        <Section title="Dochód rodziny (test dochodowy, art. 8 ustawy o pomocy społecznej)" empty={model.income.rows.length === 0 && model.income.result.length === 0} emptyText="nie wpisano dochodów">
          {model.income.rows.length > 0 ? <Table columns={incomeColumns} rows={model.income.rows.map((row) => ({ kind: 'data', row }))} /> : null}
          {model.income.result.map((line, index) => (
            <Text key={index} style={styles.paragraph}>
              {line}
            </Text>
          ))}
        </Section>

        <Section title="Dokumenty" empty={model.documents.length === 0} emptyText="nie odnotowano dokumentów">
          {model.documents.map((entry, index) => (
            <PersonDocuments key={index} entry={entry} />
          ))}
        </Section>

        <Signatures columns={1} signatures={[{ caption: 'podpis pracownika socjalnego', name: model.socialWorker.fullName, role: model.socialWorker.role }]} />
      </DocumentPage>
    </PdfDocument>
  );
}

function PartSection({ part }: { part: InterviewRecordModel['parts'][number] }) {
  const title = `${part.code === 'IV' ? 'Część IV' : `Część ${part.code}`}. ${part.title}`;
  if (part.fields.length === 1) return <TextSection title={title} text={part.fields[0]?.text ?? null} />;
  return (
    <Section title={title} empty={part.fields.every((field) => isBlank(field.text))} emptyText="nie wypełniono">
      {part.fields.map((field, index) => (
        <Fragment key={index}>
          <SubHeading>{field.label}</SubHeading>
          <Paragraphs text={field.text} />
        </Fragment>
      ))}
    </Section>
  );
}

function PersonDocuments({ entry }: { entry: InterviewRecordModel['documents'][number] }) {
  return (
    <>
      <SubHeading>{entry.person}</SubHeading>
      {entry.received.length > 0 ? <Text>Otrzymano:</Text> : null}
      {entry.received.length > 0 ? <List items={entry.received} /> : null}
      {entry.missing.length > 0 ? <Text>Brakuje:</Text> : null}
      {entry.missing.length > 0 ? <List items={entry.missing} /> : null}
    </>
  );
}
