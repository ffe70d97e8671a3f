/**
 * Opinia o rodzinie written by the asystent rodziny only at a court's request
 * (art. 15 ust. 1 pkt 17 u.w.r.). No official template: the sections are the usual ones.
 * Every section is printed; one without content says "brak danych".
 */
import { View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import {
  Addressee,
  DocumentPage,
  DocumentTitle,
  FamilyMembersTable,
  LabelValue,
  Paragraphs,
  PdfDocument,
  PlaceAndDate,
  Section,
  Signatures,
  TextSection,
  styles,
} from '../components';
import { formatAddress, formatDateLong, formatRange } from '../format';
import { UWR_SHORT } from '../legal';
import type { CourtOpinionModel, CourtOpinionSections } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['court-opinion'];

/** The sections in print order with their headings (numbered from 2: 1 is the family composition). */
export const OPINION_SECTIONS: readonly { key: keyof CourtOpinionSections; title: string }[] = [
  { key: 'sources', title: 'Źródła informacji (wizyty, instytucje, dokumenty)' },
  { key: 'housing', title: 'Sytuacja mieszkaniowa' },
  { key: 'finances', title: 'Sytuacja finansowa' },
  { key: 'relations', title: 'Relacje w rodzinie' },
  { key: 'childcareSchoolHealth', title: 'Opieka nad dziećmi, szkoła i zdrowie' },
  { key: 'cooperationAndPlan', title: 'Współpraca z instytucjami i realizacja planu pracy z rodziną' },
  { key: 'strengthsAndRisks', title: 'Mocne strony rodziny i zagrożenia' },
  { key: 'conclusions', title: 'Wnioski' },
];

export function documentTitle(model: CourtOpinionModel): string {
  return `Opinia o rodzinie – sygn. akt ${model.caseSignature}`;
}

export function CourtOpinionDocument({ model }: { model: CourtOpinionModel }) {
  const { header, family, court } = model;
  const courtLines = [court.name, court.division];
  if (court.address !== null) courtLines.push(court.address);

  return (
    <PdfDocument
      title={documentTitle(model)}
      author={header.office.name}
      issuedOn={header.issuedOn}
      templateVersion={templateVersion}
    >
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <Addressee lines={courtLines} />
        <Text style={styles.bold}>Sygn. akt: {model.caseSignature}</Text>
        <Text style={[styles.paragraph, { marginBottom: 14 }]}>
          {model.letterDate === null
            ? `dotyczy: pisma Sądu w sprawie opinii o rodzinie (wpłynęło dnia ${formatDateLong(model.receivedOn)})`
            : `dotyczy: pisma Sądu z dnia ${formatDateLong(model.letterDate)} w sprawie opinii o rodzinie`}
        </Text>

        <DocumentTitle
          title="OPINIA O RODZINIE"
          subtitle={[
            `o rodzinie zamieszkałej pod adresem: ${formatAddress(family.address)}`,
            `sporządzona przez asystenta rodziny na wniosek Sądu (art. 15 ust. 1 pkt 17 ${UWR_SHORT})`,
          ]}
        />

        <Section title="Rodzina, autor opinii i okres współpracy">
          <LabelValue label="Rodzina:" value={family.name} />
          <LabelValue label="Sporządził(a):" value={`${model.author.fullName}, ${model.author.role}`} />
          <LabelValue label="Okres współpracy z rodziną:" value={formatRange(model.cooperation)} />
        </Section>

        <FamilyMembersTable title="1. Skład i historia rodziny" members={model.members} />
        <View style={{ marginBottom: 8 }}>
          <Paragraphs text={model.sections.compositionAndHistory} />
        </View>

        {OPINION_SECTIONS.map((section, index) => (
          <TextSection key={section.key} title={`${index + 2}. ${section.title}`} text={model.sections[section.key]} />
        ))}

        <Signatures
          columns={model.approvedBy === null ? 1 : 2}
          signatures={[
            { caption: 'podpis asystenta rodziny', name: model.author.fullName, role: model.author.role },
            ...(model.approvedBy === null
              ? []
              : [{ caption: 'zatwierdzam – podpis kierownika', name: model.approvedBy.fullName, role: model.approvedBy.role }]),
          ]}
        />
      </DocumentPage>
    </PdfDocument>
  );
}
