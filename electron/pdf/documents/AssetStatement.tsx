/**
 * Oświadczenie o stanie majątkowym, taken with the rodzinny wywiad środowiskowy (the template
 * annexed to rozp. MRiPS z 8.04.2021, Dz.U. 2021 poz. 893; docs/domain.md): the declarant, the
 * household the statement covers, what it owns under each heading, the declarant's signature and
 * the social worker who took it. Dated with the day it was signed; a statement not yet signed
 * prints a blank date to write by hand.
 */
import { StyleSheet, View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import { DocumentPage, DocumentTitle, FamilyMembersTable, PdfDocument, PersonBlock, Paragraphs, PlaceAndDate, Section, Signatures, styles } from '../components';
import type { AssetStatementModel } from '../models';
import { bySex, shorten } from '../../../shared/polish';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['asset-statement'];

const local = StyleSheet.create({
  item: { marginBottom: 8 },
  declaration: { marginTop: 6 },
});

export function documentTitle(model: AssetStatementModel): string {
  return `Oświadczenie o stanie majątkowym – ${shorten(model.declarant.fullName, 40)}`;
}

export function AssetStatementDocument({ model }: { model: AssetStatementModel }) {
  const { header, declarant } = model;
  return (
    <PdfDocument title={documentTitle(model)} author={header.office.name} issuedOn={header.issuedOn} templateVersion={templateVersion}>
      <DocumentPage header={header} title={documentTitle(model)}>
        <PlaceAndDate header={header} />
        <DocumentTitle title="OŚWIADCZENIE O STANIE MAJĄTKOWYM" subtitle="składane do rodzinnego wywiadu środowiskowego" />
        <Section title="Osoba składająca oświadczenie">
          <PersonBlock person={declarant} />
        </Section>
        <FamilyMembersTable title="Osoby we wspólnym gospodarstwie domowym" members={model.members} />
        <Text style={styles.paragraph}>Oświadczam, że w skład majątku mojego i mojej rodziny wchodzą:</Text>
        {model.items.map((item, index) => (
          <View key={index} style={local.item} wrap={(item.text ?? '').length > 700}>
            <Text style={styles.bold}>{`${index + 1}. ${item.heading}`}</Text>
            <Paragraphs text={item.text ?? 'nie posiadam'} />
          </View>
        ))}
        {/* The declaration and the signatures under it are never parted by a page break. */}
        <View wrap={false}>
          <Text style={[styles.paragraph, local.declaration]}>
            {`${bySex(declarant.sex, 'Jestem świadomy', 'Jestem świadoma')} odpowiedzialności karnej za złożenie fałszywego oświadczenia.`}
          </Text>
          <Signatures
            columns={2}
            signatures={[
              { caption: 'podpis osoby składającej oświadczenie', name: declarant.fullName },
              { caption: 'podpis pracownika socjalnego', name: model.socialWorker.fullName, role: model.socialWorker.role },
            ]}
          />
        </View>
      </DocumentPage>
    </PdfDocument>
  );
}
