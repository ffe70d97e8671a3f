/**
 * Skierowanie (issue 19): to food aid under the FEPŻ 2021–2027 programme, through a partner
 * organisation and its distribution point, or to the gmina's social shop. The OPS qualifies the
 * household (income per person against the threshold in force on the declaration's date, and an
 * art. 7 u.p.s. reason) and prints the office's RODO clause on the referral.
 */
import { Text } from '@react-pdf/renderer';
import { DocumentPage, DocumentTitle, LabelValue, Paragraphs, PdfDocument, PlaceAndDate, Section, Signatures, styles } from '../components';
import { endSentence, formatDate } from '../format';
import { UPS } from '../legal';
import type { ReferralModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS.referral;

function titleOf(model: ReferralModel): string {
  return model.programme === 'fepz' ? 'Skierowanie do otrzymania pomocy żywnościowej' : 'Skierowanie do sklepu socjalnego';
}

export function documentTitle(model: ReferralModel): string {
  return `${titleOf(model)} nr ${model.header.documentNumber ?? ''} – ${model.person.fullName}`;
}

export function validate(model: ReferralModel): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(model.householdSize) || model.householdSize < 1) problems.push('Liczba osób w gospodarstwie domowym musi wynosić co najmniej 1.');
  if (model.programme === 'fepz' && model.subprogramme === null) problems.push('Skierowanie FEPŻ musi wskazywać podprogram.');
  if (model.programme === 'fepz' && model.reasons.length === 0) problems.push('Skierowanie FEPŻ musi wskazywać przesłankę z art. 7.');
  return problems;
}

export function ReferralDocument({ model }: { model: ReferralModel }) {
  const { header, recipient } = model;
  const fepz = model.programme === 'fepz';
  const declaration =
    model.declaration.kind === 'declaration'
      ? `oświadczenie o dochodach z dnia ${formatDate(model.declaration.declaredOn)}`
      : `rodzinny wywiad środowiskowy z dnia ${formatDate(model.declaration.declaredOn)}`;
  return (
    <PdfDocument title={documentTitle(model)} author={header.office.name} issuedOn={header.issuedOn} templateVersion={templateVersion}>
      <DocumentPage header={header} title={titleOf(model)}>
        <PlaceAndDate header={header} />
        <DocumentTitle
          title={`${titleOf(model).toUpperCase()} NR ${header.documentNumber ?? ''}`}
          subtitle={fepz ? ['Program Fundusze Europejskie na Pomoc Żywnościową 2021–2027', model.subprogramme ?? ''] : recipient.name}
        />

        <Text style={styles.paragraph}>
          {fepz
            ? `Po kwalifikacji (dochód i przesłanki z art. 7 ${UPS}) kieruję niżej wymienioną osobę wraz z jej gospodarstwem domowym do otrzymania pomocy żywnościowej w ramach Programu Fundusze Europejskie na Pomoc Żywnościową 2021–2027.`
            : `Po kwalifikacji przeprowadzonej przez ośrodek pomocy społecznej kieruję niżej wymienioną osobę wraz z jej gospodarstwem domowym do sklepu socjalnego: ${endSentence(`${recipient.name}, ${recipient.address}`)}`}
        </Text>

        <Section title="Osoba skierowana">
          <LabelValue label="Imię i nazwisko:" value={model.person.fullName} labelWidth={210} />
          {model.person.pesel !== null ? (
            <LabelValue label="PESEL:" value={model.person.pesel} labelWidth={210} />
          ) : (
            <LabelValue label="Dokument tożsamości:" value={model.person.otherIdentityDocument} labelWidth={210} />
          )}
          <LabelValue label="Liczba osób w gospodarstwie domowym:" value={String(model.householdSize)} labelWidth={210} />
        </Section>

        <Section title="Kwalifikacja">
          <LabelValue label="Podstawa:" value={declaration} labelWidth={210} />
          <LabelValue label="Dochód na osobę:" value={model.income.perPerson} labelWidth={210} />
          <LabelValue label="Próg dochodowy na osobę:" value={`${model.income.threshold} – ${model.income.basis}`} labelWidth={210} />
          <LabelValue label="Przesłanki z art. 7 u.p.s.:" value={model.reasons.length > 0 ? model.reasons.join('; ') : null} labelWidth={210} />
          {model.admittedGroup !== null && <LabelValue label="Grupa przyjmowana bez względu na dochód:" value={model.admittedGroup} labelWidth={210} />}
          <Text style={styles.paragraph}>{model.eligibility}</Text>
        </Section>

        <Section title={fepz ? 'Organizacja partnerska i punkt wydawania żywności' : 'Sklep socjalny'}>
          <LabelValue label={fepz ? 'Organizacja partnerska:' : 'Nazwa:'} value={recipient.name} labelWidth={210} />
          <LabelValue label="Adres:" value={recipient.address} labelWidth={210} />
          {recipient.point !== null && <LabelValue label="Punkt wydawania:" value={recipient.point} labelWidth={210} />}
          {recipient.pointAddress !== null && <LabelValue label="Adres punktu:" value={recipient.pointAddress} labelWidth={210} />}
          {recipient.hours !== null && recipient.hours !== '' && <LabelValue label="Godziny wydawania:" value={recipient.hours} labelWidth={210} />}
          {fepz && <LabelValue label="Podprogram:" value={model.subprogramme} labelWidth={210} />}
          <LabelValue label="Skierowanie ważne do:" value={formatDate(model.validUntil)} labelWidth={210} />
        </Section>

        {model.limitsText !== null && model.limitsText !== '' && (
          <Section title="Limity zakupów">
            <Paragraphs text={model.limitsText} />
          </Section>
        )}

        <Signatures
          columns={1}
          signatures={[{ caption: 'podpis pracownika socjalnego', name: model.socialWorker.fullName, role: model.socialWorker.role }]}
        />

        <Section title="Klauzula informacyjna">
          <Paragraphs text={model.rodoClause} />
        </Section>
      </DocumentPage>
    </PdfDocument>
  );
}
