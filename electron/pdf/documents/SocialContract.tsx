/**
 * Kontrakt socjalny (art. 6 pkt 6 and art. 108 u.p.s.), laid out after the template of
 * Rozp. MPiPS z 8.11.2010 (Dz.U. nr 218 poz. 1439): parts I A + II A (a person or family in
 * a difficult life situation) or I B + II B (a person: activation, countering social exclusion).
 * Art. 108: each side keeps a copy, so one PDF holds both copies, each numbered from page 1.
 */
import { View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import {
  DocumentPage,
  DocumentTitle,
  FillInLines,
  LabelValue,
  List,
  Paragraphs,
  PdfDocument,
  PersonBlock,
  PlaceAndDate,
  Section,
  Signatures,
  SubHeading,
  Table,
  TextSection,
  styles,
} from '../components';
import type { SignatureSpec, TableColumn } from '../components';
import { BLANK_DATE, formatDate, formatDateLong } from '../format';
import { ACTION_STATUS, CONTINUOUS, CONTRACT_PARTY } from '../labels';
import { UPS_SHORT } from '../legal';
import type { SocialContractAction, SocialContractModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';
import { bySex } from '../../../shared/polish';

export const templateVersion = TEMPLATE_VERSIONS['social-contract'];

export const COPY_LABELS = ['Egzemplarz dla klienta', 'Egzemplarz dla ośrodka'] as const;

const VARIANT_SUBTITLE = {
  A: 'osoby lub rodziny w trudnej sytuacji życiowej (część I A i II A)',
  B: 'osoby – aktywizacja i przeciwdziałanie wykluczeniu społecznemu (część I B i II B)',
} as const;

export function documentTitle(model: SocialContractModel): string {
  return `Kontrakt socjalny${model.header.caseNumber === null ? '' : ` – ${model.header.caseNumber}`}`;
}

/** Problems that make the contract unprintable (Polish, shown to the user). */
export function validate(model: SocialContractModel): string[] {
  const problems: string[] = [];
  if (model.clients.length === 0) problems.push('Kontrakt socjalny musi wskazywać co najmniej jednego klienta.');
  if (model.mainGoal.trim() === '') problems.push('Kontrakt socjalny musi określać cel główny (część II, pkt 1). Uzupełnij go przed wydrukiem.');
  if (model.variant === 'B' && model.clients.length !== 1) {
    problems.push('Kontrakt socjalny w wariancie B zawiera się z jedną osobą.');
  }
  if (model.period.to < model.period.from) problems.push('Okres obowiązywania kontraktu kończy się przed jego początkiem.');
  return problems;
}

/** "Klient", "Klientka", "Klienci", "Klientki": agrees with the client(s). */
export function clientsTitle(model: SocialContractModel): string {
  const [only] = model.clients;
  if (model.clients.length === 1 && only !== undefined) return bySex(only.sex, 'Klient', 'Klientka');
  return model.clients.every((client) => client.sex === 'F') ? 'Klientki' : 'Klienci';
}

/** "Klientka oświadcza, że została poinformowana", "Klienci oświadczają, że zostali poinformowani". */
export function informedClause(model: SocialContractModel): string {
  const title = clientsTitle(model);
  if (model.clients.length === 1) {
    const sex = model.clients[0]?.sex ?? 'M';
    return `${title} oświadcza, że ${bySex(sex, 'został poinformowany', 'została poinformowana')}`;
  }
  return title === 'Klientki' ? `${title} oświadczają, że zostały poinformowane` : `${title} oświadczają, że zostali poinformowani`;
}

function actionColumns(model: SocialContractModel, withStatus: boolean): TableColumn<SocialContractAction>[] {
  const client = clientsTitle(model);
  const columns: TableColumn<SocialContractAction>[] = [
    { title: 'Lp.', width: 5, cell: (_, index) => `${index + 1}.`, align: 'right' },
    { title: 'Strona kontraktu', width: 16, cell: (action) => (action.party === 'client' ? client : CONTRACT_PARTY[action.party]) },
    { title: 'Działanie (zobowiązanie)', width: withStatus ? 48 : 62, cell: (action) => action.description },
    { title: 'Termin realizacji', width: 15, cell: (action) => (action.deadline === null ? CONTINUOUS : formatDate(action.deadline)) },
  ];
  if (withStatus) {
    columns.push({
      title: 'Realizacja',
      width: 16,
      cell: (action) => (action.status === null ? '—' : ACTION_STATUS[action.status]),
    });
  }
  return columns;
}

/**
 * The contract once; render.ts prints it once per COPY_LABELS entry (the copies differ only by
 * the label in the running header, stamped into the slot left for it).
 */
function ContractCopy({ model }: { model: SocialContractModel }) {
  const { header, variant } = model;
  const part = (roman: 'I' | 'II') => `Część ${roman} ${variant}`;
  const withStatus = model.actions.some((action) => action.status !== null);
  // Each side signs on the day the kontrakt is concluded (blank on a draft printed to be signed).
  const dated = { place: header.place, date: header.dated };
  const clientSignatures: SignatureSpec[] = model.clients.map((client) => ({
    caption: bySex(client.sex, 'podpis klienta', 'podpis klientki'),
    name: client.fullName,
    dated,
  }));

  return (
    <DocumentPage header={header} title={documentTitle(model)} copyLabelSlot>
      <PlaceAndDate header={header} />
      <DocumentTitle title="KONTRAKT SOCJALNY" subtitle={VARIANT_SUBTITLE[variant]} />

      <Text style={styles.paragraph}>zawarty w dniu {header.dated === null ? BLANK_DATE : formatDateLong(header.dated)} pomiędzy:</Text>

      <Section title="Strony kontraktu">
        <SubHeading>{clientsTitle(model)}</SubHeading>
        {model.familyName !== null && <LabelValue label="Rodzina:" value={model.familyName} labelWidth={130} />}
        {model.clients.map((client, index) => (
          <PersonBlock key={index} person={client} {...(model.clients.length > 1 ? { prefix: `${index + 1}.` } : {})} />
        ))}
        <SubHeading>Pracownik socjalny</SubHeading>
        <Text>
          {model.socialWorker.fullName}, {model.socialWorker.role}, z upoważnienia kierownika ośrodka
        </Text>
        <Text>{header.office.name}</Text>
      </Section>

      <Section title={`${part('I')}. Ocena sytuacji życiowej ${variant === 'A' ? 'osoby lub rodziny' : 'osoby'}`}>
        <SubHeading>1. Przyczyny trudnej sytuacji życiowej</SubHeading>
        <Paragraphs text={model.assessment.causes} />
        <SubHeading>2. Możliwości (zasoby) pozwalające przezwyciężyć trudną sytuację</SubHeading>
        <Paragraphs text={model.assessment.possibilities} />
        <SubHeading>3. Ograniczenia</SubHeading>
        <Paragraphs text={model.assessment.limitations} />
        {variant === 'B' && (
          <View>
            <SubHeading>4. Sytuacja zawodowa</SubHeading>
            {model.activationProfile === null ? (
              <Paragraphs text={null} />
            ) : (
              <View>
                <LabelValue label="Wykształcenie:" value={model.activationProfile.education} labelWidth={190} />
                <LabelValue label="Rejestracja w powiatowym urzędzie pracy:" value={model.activationProfile.pupRegistration} labelWidth={190} />
                <LabelValue label="Przyczyny pozostawania bez pracy:" value={model.activationProfile.unemploymentReason} labelWidth={190} />
                <LabelValue label="Profil pomocy / forma wsparcia w urzędzie pracy:" value={model.activationProfile.profile} labelWidth={190} />
              </View>
            )}
          </View>
        )}
      </Section>

      <Section title={`${part('II')}. Ustalenia kontraktu`}>
        <SubHeading>1. Cel główny</SubHeading>
        <Paragraphs text={model.mainGoal} />
        <SubHeading>2. Cele szczegółowe</SubHeading>
        <List items={model.partialGoals} numbered numberPrefix="2." />
        <Table
          title="3. Działania stron kontraktu"
          columns={actionColumns(model, withStatus)}
          rows={model.actions.map((row) => ({ kind: 'data', row }))}
        />
        <SubHeading>4. Okres obowiązywania kontraktu</SubHeading>
        <Text style={styles.paragraph}>
          od {formatDate(model.period.from)} do {formatDate(model.period.to)}
        </Text>
      </Section>

      {model.evaluation === null ? (
        <Section title="Ocena realizacji kontraktu">
          <Text style={[styles.small, styles.muted]}>(wypełnia pracownik socjalny po zakończeniu kontraktu)</Text>
          <FillInLines count={4} />
        </Section>
      ) : (
        <Section title="Ocena realizacji kontraktu">
          <LabelValue label="Data oceny:" value={formatDate(model.evaluation.evaluatedOn)} />
          <Paragraphs text={model.evaluation.text} />
        </Section>
      )}

      {model.breaches.length > 0 && (
        <Section title="Niedotrzymanie postanowień kontraktu">
          <List items={model.breaches.map((breach) => `${formatDate(breach.occurredOn)}: ${breach.note}`)} />
        </Section>
      )}

      {model.termination !== null && (
        <Section title="Rozwiązanie kontraktu">
          <LabelValue label="Data rozwiązania:" value={formatDate(model.termination.terminatedOn)} />
          <LabelValue label="Przyczyna:" value={model.termination.reason} />
        </Section>
      )}

      <TextSection
        title="Postanowienia końcowe"
        text={[
          `${informedClause(model)}, iż odmowa zawarcia kontraktu socjalnego lub niedotrzymywanie jego postanowień mogą stanowić podstawę odmowy przyznania świadczenia, uchylenia decyzji o przyznaniu świadczenia lub wstrzymania świadczeń pieniężnych (art. 11 ust. 2 ${UPS_SHORT}).`,
          'Zmiana kontraktu wymaga formy pisemnej. Kontrakt sporządzono w dwóch jednobrzmiących egzemplarzach, po jednym dla każdej ze stron.',
        ].join('\n\n')}
      />

      <Signatures
        title="Podpisy stron kontraktu"
        signatures={[
          ...clientSignatures,
          { caption: 'podpis pracownika socjalnego', name: model.socialWorker.fullName, role: model.socialWorker.role, dated },
        ]}
      />
    </DocumentPage>
  );
}

export function SocialContractDocument({ model }: { model: SocialContractModel }) {
  return (
    <PdfDocument
      title={documentTitle(model)}
      author={model.header.office.name}
      issuedOn={model.header.issuedOn}
      templateVersion={templateVersion}
    >
      <ContractCopy model={model} />
    </PdfDocument>
  );
}
