/**
 * The kierownik's answer to the wniosek (art. 11 u.w.r., legal.ts ARTICLE.assignment): assigns an asystent rodziny,
 * or refers the wniosek to the gmina's unit organising work with families (art. 10 u.w.r.)
 * or to the provider the gmina contracted for it (art. 190 u.w.r.).
 */
import { Text } from '../components/Text';
import {
  CopiesTo,
  DocumentPage,
  DocumentTitle,
  LabelValue,
  PdfDocument,
  PlaceAndDate,
  Section,
  TextSection,
  Signatures,
  styles,
} from '../components';
import { endSentence, formatAddress, formatDate, formatDateLong } from '../format';
import { ARTICLE, UWR, UWR_SHORT } from '../legal';
import type { AssignmentDecision, AssistantAssignmentModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['assistant-assignment'];

function titleOf(decision: AssignmentDecision): string {
  return decision.kind === 'assign' ? 'Przydzielenie asystenta rodziny' : 'Skierowanie wniosku o przydzielenie asystenta rodziny';
}

export function documentTitle(model: AssistantAssignmentModel): string {
  return `${titleOf(model.decision)} – ${model.family.name}`;
}

/**
 * The decision in full sentences; names are never put in declined slots ("wniosku pracownika
 * socjalnego Anna Nowak"): the request is referred to by its date, its author given apart.
 */
function DecisionText({ model }: { model: AssistantAssignmentModel }) {
  const { decision, family, request } = model;
  const requestRef = `wniosku o przydzielenie asystenta rodziny z dnia ${formatDateLong(request.submittedOn)}`;
  const familyRef = `rodzinie zamieszkałej pod adresem: ${formatAddress(family.address)}`;
  const basis = `Na podstawie ${ARTICLE.assignment} ${UWR}`;
  switch (decision.kind) {
    case 'assign':
      return (
        <Text style={styles.paragraph}>
          {basis}, po rozpatrzeniu {requestRef}, przydzielam {familyRef} asystenta rodziny. Asystentem rodziny jest:{' '}
          {endSentence(decision.assistant.fullName)} Praca z rodziną rozpoczyna się z dniem {formatDateLong(decision.workFrom)}
        </Text>
      );
    case 'refer-unit':
      return (
        <Text style={styles.paragraph}>
          {basis}, po rozpatrzeniu {requestRef}, występuję do jednostki organizacyjnej gminy prowadzącej pracę z rodziną o
          przydzielenie asystenta rodziny {familyRef}. Jednostka:{' '}
          {decision.recipient.address === null
            ? endSentence(decision.recipient.name)
            : `${decision.recipient.name}, ${endSentence(formatAddress(decision.recipient.address))}`}
        </Text>
      );
    case 'refer-provider':
      return (
        <Text style={styles.paragraph}>
          {basis} w związku z {ARTICLE.provider} {UWR_SHORT}, po rozpatrzeniu {requestRef}, występuję do podmiotu, któremu
          gmina zleciła realizację pracy z rodziną, o przydzielenie asystenta rodziny {familyRef}. Podmiot:{' '}
          {decision.recipient.name}
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

        <LabelValue label="Wnioskodawca:" value={`${model.request.socialWorker}, pracownik socjalny`} />

        {decision.kind === 'assign' && (
          <Section title="Dane asystenta rodziny">
            <LabelValue label="Imię i nazwisko:" value={decision.assistant.fullName} />
            <LabelValue label="Telefon służbowy:" value={decision.assistant.phone} />
            <LabelValue label="Data rozpoczęcia pracy:" value={formatDate(decision.workFrom)} />
          </Section>
        )}

        {model.notes !== null && (
          <TextSection title="Uwagi" text={model.notes} />
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
