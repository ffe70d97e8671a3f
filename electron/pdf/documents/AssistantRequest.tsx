/**
 * Wniosek pracownika socjalnego do kierownika ośrodka o przydzielenie rodzinie asystenta
 * rodziny (art. 11 ust. 3 u.w.r.), after the wywiad (art. 11 ust. 1) and the analysis of the
 * family's situation (art. 11 ust. 2). Support needs the family's consent (art. 8 u.w.r.).
 */
import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import {
  Addressee,
  DocumentPage,
  DocumentTitle,
  FamilyMembersTable,
  LabelValue,
  List,
  PdfDocument,
  PlaceAndDate,
  Section,
  TextSection,
  Signatures,
  styles,
} from '../components';
import { formatAddress, formatDate, formatDateLong, isBlank } from '../format';
import { ARTICLE, UPS_SHORT, UWR, UWR_SHORT } from '../legal';
import type { AssistantRequestModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['assistant-request'];

const local = StyleSheet.create({
  decisionBox: {
    marginTop: 16,
    padding: 8,
    borderWidth: 0.75,
    borderColor: '#777777',
    borderStyle: 'solid',
  },
  decisionTitle: { fontWeight: 700, marginBottom: 6 },
  option: { marginBottom: 5 },
});

export function documentTitle(model: AssistantRequestModel): string {
  return `Wniosek o przydzielenie asystenta rodziny – ${model.family.name}`;
}

export function AssistantRequestDocument({ model }: { model: AssistantRequestModel }) {
  const { header, family } = model;
  return (
    <PdfDocument
      title={documentTitle(model)}
      author={header.office.name}
      issuedOn={header.issuedOn}
      templateVersion={templateVersion}
    >
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <Addressee lines={[model.addressee.fullName, model.addressee.role].filter((line) => !isBlank(line))} />
        <DocumentTitle title="WNIOSEK" subtitle="o przydzielenie rodzinie asystenta rodziny" />

        <Text style={styles.paragraph}>
          Na podstawie {ARTICLE.request} {UWR} wnoszę o przydzielenie asystenta rodziny rodzinie zamieszkałej pod adresem:{' '}
          {formatAddress(family.address)}, której skład podano niżej.
        </Text>

        <Section title="1. Dane rodziny">
          <LabelValue label="Rodzina:" value={family.name} />
          <LabelValue label="Adres zamieszkania:" value={formatAddress(family.address)} />
          <LabelValue
            label="Rodzinny wywiad środowiskowy:"
            value={model.interviewOn === null ? null : `przeprowadzony w dniu ${formatDate(model.interviewOn)}`}
          />
        </Section>

        <FamilyMembersTable title="2. Skład rodziny" members={model.members} />

        <Section title={`3. Powody udzielania pomocy (art. 7 ${UPS_SHORT})`}>
          <List items={model.reasons} />
        </Section>

        <TextSection title="4. Trudności w wypełnianiu funkcji opiekuńczo-wychowawczych" text={model.difficulties} />

        <TextSection title="5. Mocne strony i zasoby rodziny" text={model.strengths} />

        <TextSection title="6. Dotychczasowa pomoc i instytucje zaangażowane" text={model.earlierHelp} />

        <TextSection title="7. Sytuacja prawna dzieci" text={model.childrenLegalSituation} />

        <TextSection title="8. Uzasadnienie wniosku" text={model.justification} />

        <Section title={`9. Zgoda rodziny (${ARTICLE.consent} ${UWR_SHORT})`}>
          {model.consent.persons.length === 0 ? (
            <Text style={styles.paragraph}>
              Rodzina wyraziła zgodę na współpracę z asystentem rodziny w dniu {formatDateLong(model.consent.givenOn)}
            </Text>
          ) : (
            <View>
              <Text style={styles.paragraph}>Zgoda na współpracę z asystentem rodziny, wyrażona przez:</Text>
              <List items={model.consent.persons.map((person) => `${person.fullName} – w dniu ${formatDateLong(person.givenOn)}`)} />
            </View>
          )}
        </Section>

        <Signatures
          columns={1}
          signatures={[{ caption: 'podpis pracownika socjalnego', name: model.socialWorker.fullName, role: model.socialWorker.role }]}
        />

        <View style={local.decisionBox} wrap={false}>
          <Text style={local.decisionTitle}>Rozstrzygnięcie kierownika ośrodka (wypełnia kierownik)</Text>
          <Text style={local.option}>☐ przydzielam rodzinie asystenta rodziny: ..............................................................</Text>
          <Text style={local.option}>☐ kieruję wniosek do jednostki / podmiotu: .........................................................</Text>
          <Text style={local.option}>☐ nie uwzględniam wniosku; uzasadnienie: ...........................................................</Text>
          <Signatures columns={1} signatures={[{ caption: 'data i podpis kierownika', name: null }]} />
        </View>
      </DocumentPage>
    </PdfDocument>
  );
}
