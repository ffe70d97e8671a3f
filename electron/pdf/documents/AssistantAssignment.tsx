/**
 * The kierownik's answer to the wniosek (art. 11 ust. 3 u.w.r.): assigns an asystent rodziny,
 * or refers the wniosek to the gmina's unit organising work with families (art. 10 u.w.r.)
 * or to the provider the gmina contracted for it (art. 190 u.w.r.).
 */
import { Text } from '@react-pdf/renderer';
import {
  CopiesTo,
  DocumentPage,
  DocumentTitle,
  LabelValue,
  Paragraphs,
  PdfDocument,
  PlaceAndDate,
  Section,
  Signatures,
  styles,
} from '../components';
import { endSentence, formatAddress, formatDate, formatDateLong } from '../format';
import { UWR, UWR_SHORT } from '../legal';
import type { AssignmentDecision, AssistantAssignmentModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['assistant-assignment'];

function titleOf(decision: AssignmentDecision): string {
  return decision.kind === 'assign' ? 'Przydzielenie asystenta rodziny' : 'Skierowanie wniosku o przydzielenie asystenta rodziny';
}

export function documentTitle(model: AssistantAssignmentModel): string {
  return `${titleOf(model.decision)} – ${model.family.name}`;
}

function DecisionText({ model }: { model: AssistantAssignmentModel }) {
  const { decision, family, request } = model;
  const requestRef = `wniosku pracownika socjalnego ${request.socialWorker} z dnia ${formatDateLong(request.submittedOn)}`;
  const familyRef = `${family.name}, zamieszkałej: ${formatAddress(family.address)}`;
  switch (decision.kind) {
    case 'assign':
      return (
        <Text style={styles.paragraph}>
          Na podstawie art. 11 ust. 3 {UWR}, po rozpatrzeniu {requestRef}, przydzielam rodzinie: {familyRef}, asystenta
          rodziny: {endSentence(decision.assistant.fullName)} Asystent rodziny rozpoczyna pracę z rodziną z dniem{' '}
          {endSentence(formatDateLong(decision.workFrom))}
        </Text>
      );
    case 'refer-unit':
      return (
        <Text style={styles.paragraph}>
          Na podstawie art. 11 ust. 3 {UWR}, po rozpatrzeniu {requestRef}, kieruję wniosek o przydzielenie asystenta
          rodziny rodzinie: {familyRef}, do jednostki organizacyjnej gminy prowadzącej pracę z rodziną:{' '}
          {decision.recipient.address === null
            ? endSentence(decision.recipient.name)
            : `${decision.recipient.name}, ${endSentence(formatAddress(decision.recipient.address))}`}
        </Text>
      );
    case 'refer-provider':
      return (
        <Text style={styles.paragraph}>
          Na podstawie art. 11 ust. 3 w związku z art. 190 {UWR_SHORT}, po rozpatrzeniu {requestRef}, kieruję wniosek o
          przydzielenie asystenta rodziny rodzinie: {familyRef}, do podmiotu, któremu gmina zleciła realizację zadania
          pracy z rodziną: {decision.recipient.name}
          {decision.recipient.address === null ? '' : `, ${formatAddress(decision.recipient.address)}`}
          {decision.agreement === null ? '.' : ` (${decision.agreement}).`}
        </Text>
      );
  }
}

export function AssistantAssignmentDocument({ model }: { model: AssistantAssignmentModel }) {
  const { header, decision } = model;
  return (
    <PdfDocument
      title={documentTitle(model)}
      author={header.office.name}
      issuedOn={header.issuedOn}
      templateVersion={templateVersion}
    >
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <DocumentTitle title={titleOf(decision).toUpperCase()} subtitle={`rodzina: ${model.family.name}`} />

        <DecisionText model={model} />

        {decision.kind === 'assign' && (
          <Section title="Dane asystenta rodziny">
            <LabelValue label="Imię i nazwisko:" value={decision.assistant.fullName} />
            <LabelValue label="Telefon służbowy:" value={decision.assistant.phone} />
            <LabelValue label="Data rozpoczęcia pracy:" value={formatDate(decision.workFrom)} />
          </Section>
        )}

        {model.notes !== null && (
          <Section title="Uwagi">
            <Paragraphs text={model.notes} />
          </Section>
        )}

        <Signatures
          columns={1}
          signatures={[{ caption: 'podpis kierownika', name: model.kierownik.fullName, role: model.kierownik.role }]}
        />

        <CopiesTo recipients={model.copiesTo} />
      </DocumentPage>
    </PdfDocument>
  );
}
