/**
 * The letter informing the family of a new asystent rodziny or pracownik socjalny (issue 15,
 * item 6): dated with the day of the change, addressed to the family, naming the new person with
 * her office phone, the reason only when the kierownik chose to give it, signed by the kierownik.
 * Names stand in undeclined slots ("Asystent rodziny: Anna Nowak"), never in declined ones.
 */
import { Text } from '../components/Text';
import { Addressee, CopiesTo, DocumentPage, DocumentTitle, LabelValue, PdfDocument, PlaceAndDate, Section, Signatures, TextSection, styles } from '../components';
import { formatDateLong } from '../format';
import type { StaffChangeLetterModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['staff-change-letter'];

const ROLE = {
  assistant: { title: 'Zmiana asystenta rodziny', genitive: 'asystenta rodziny pracującego z Państwa rodziną', nominative: 'Asystent rodziny', previous: 'Dotychczasowy asystent rodziny:' },
  worker: { title: 'Zmiana pracownika socjalnego', genitive: 'pracownika socjalnego prowadzącego sprawę Państwa rodziny', nominative: 'Pracownik socjalny', previous: 'Dotychczasowy pracownik socjalny:' },
} as const;

/** Wide enough for "Dotychczasowy pracownik socjalny:" on one line. */
const LABEL_WIDTH = 190;

export function documentTitle(model: StaffChangeLetterModel): string {
  return `${ROLE[model.kind].title} – ${model.family.name}`;
}

export function StaffChangeLetterDocument({ model }: { model: StaffChangeLetterModel }) {
  const { header, family } = model;
  const role = ROLE[model.kind];
  const from = header.dated === null ? 'z dniem podanym poniżej' : `z dniem ${formatDateLong(header.dated)}`;
  const continuation =
    model.kind === 'assistant'
      ? 'Praca z rodziną trwa nadal na dotychczasowych zasadach, zgodnie z planem pracy z rodziną. W sprawie terminu najbliższego spotkania prosimy o kontakt pod wskazanym numerem telefonu albo w siedzibie ośrodka.'
      : 'Dotychczasowe ustalenia i przyznana pomoc pozostają bez zmian. W sprawach dotyczących pomocy prosimy o kontakt pod wskazanym numerem telefonu albo w siedzibie ośrodka.';
  return (
    <PdfDocument title={documentTitle(model)} author={header.office.name} issuedOn={header.issuedOn} templateVersion={templateVersion}>
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <Addressee lines={[family.name, family.address.street, `${family.address.postalCode} ${family.address.city}`]} />
        <DocumentTitle title={role.title.toUpperCase()} />
        <Text style={styles.paragraph}>Szanowni Państwo,</Text>
        <Text style={styles.paragraph}>
          uprzejmie informuję, że {from} nastąpiła zmiana {role.genitive}.
        </Text>
        <Section title={`${role.nominative} od ${header.dated === null ? 'dnia zmiany' : formatDateLong(header.dated)}`}>
          <LabelValue label="Imię i nazwisko:" value={model.next.fullName} labelWidth={LABEL_WIDTH} />
          <LabelValue label="Telefon służbowy:" value={model.next.phone} labelWidth={LABEL_WIDTH} />
          <LabelValue label="Adres ośrodka:" value={`${header.office.street}, ${header.office.postalCode} ${header.office.city}`} labelWidth={LABEL_WIDTH} />
          {model.previous === null ? null : <LabelValue label={role.previous} value={model.previous} labelWidth={LABEL_WIDTH} />}
        </Section>
        {model.reason === null ? null : <TextSection title="Przyczyna zmiany" text={model.reason} />}
        <Text style={styles.paragraph}>{continuation}</Text>
        <Signatures columns={1} signatures={[{ caption: 'podpis kierownika', name: model.kierownik.fullName, role: model.kierownik.role }]} />
        <CopiesTo recipients={model.copiesTo} />
      </DocumentPage>
    </PdfDocument>
  );
}
