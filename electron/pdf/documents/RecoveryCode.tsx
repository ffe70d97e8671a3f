/**
 * The recovery-code sheet, printed once at first set-up. The code opens the encrypted database
 * when every password is lost, so the sheet says plainly where it belongs (the office safe)
 * and what it gives to whoever holds it. The code never goes into the PDF metadata.
 */
import { Page, StyleSheet, View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import { COLOR, FONT_SIZE, FOOTER_STYLE, PdfDocument, styles } from '../components';
import { FONT_MONO } from '../font-family';
import { codeGroups, formatDateLong } from '../format';
import type { RecoveryCodeModel } from '../models';
import { TEMPLATE_VERSIONS } from '../template-versions';

export const templateVersion = TEMPLATE_VERSIONS['recovery-code'];

export const TITLE = 'Kod odzyskiwania Asysty';

const GROUPS_PER_LINE = 4;

export function validate(model: RecoveryCodeModel): string[] {
  return codeGroups(model.code).length === 0 ? ['Brak kodu odzyskiwania do wydrukowania.'] : [];
}

const sheet = StyleSheet.create({
  page: { ...styles.page, paddingTop: 56 },
  office: { fontWeight: 700, fontSize: FONT_SIZE.heading, lineHeight: 1.3 },
  app: { color: COLOR.muted, marginBottom: 22 },
  title: { fontSize: 20, lineHeight: 1.25, fontWeight: 700, marginBottom: 6 },
  meta: { marginBottom: 2 },
  codeBox: {
    marginTop: 20,
    marginBottom: 20,
    paddingVertical: 18,
    paddingHorizontal: 12,
    borderWidth: 1.5,
    borderColor: COLOR.text,
    borderStyle: 'solid',
    alignItems: 'center',
  },
  codeLine: { flexDirection: 'row', justifyContent: 'center', marginVertical: 5 },
  group: { fontFamily: FONT_MONO, fontWeight: 700, fontSize: 22, lineHeight: 1.3, letterSpacing: 2, marginHorizontal: 10 },
  warning: {
    padding: 8,
    marginBottom: 14,
    backgroundColor: '#eeeeee',
    fontWeight: 700,
    textAlign: 'center',
  },
  item: { flexDirection: 'row', marginBottom: 6 },
  itemNumber: { width: 18 },
  itemText: { flex: 1, textAlign: 'justify' },
  record: { marginTop: 18 },
  recordRow: { flexDirection: 'row', alignItems: 'flex-end', marginTop: 16 },
  recordLabel: { width: 190 },
  recordLine: { flex: 1, borderBottomWidth: 0.6, borderBottomColor: COLOR.text, borderBottomStyle: 'dotted', height: 12 },
  footer: FOOTER_STYLE,
});

const INSTRUCTIONS = [
  'Ten kod otwiera bazę danych Asysty, gdy wszystkie hasła zostaną utracone (zapomniane hasła, odejście osób, które je znały).',
  'Kto ma ten kod, może odczytać wszystkie dane zapisane w programie, w tym dane osobowe rodzin i dzieci objęte tajemnicą służbową. Traktuj go jak klucz do archiwum.',
  'Przechowuj tę kartkę w sejfie ośrodka, w zaklejonej i podpisanej kopercie. Nie trzymaj jej przy komputerze ani w biurku.',
  'Nie fotografuj, nie skanuj i nie kopiuj kodu; nie wysyłaj go e-mailem ani komunikatorem; nie zapisuj go w komputerze ani w telefonie.',
  'Kod wpisuje się w programie tylko przy odzyskiwaniu dostępu do bazy danych. Po użyciu kodu schowaj kartkę z powrotem do sejfu.',
  'Jeżeli kartka zaginęła albo kod mógł zobaczyć ktoś niepowołany, niezwłocznie zawiadom kierownika ośrodka i inspektora ochrony danych.',
];

export function RecoveryCodeDocument({ model }: { model: RecoveryCodeModel }) {
  const groups = codeGroups(model.code);
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_LINE) lines.push(groups.slice(i, i + GROUPS_PER_LINE));

  return (
    <PdfDocument title={TITLE} author={model.officeName} issuedOn={model.createdOn} templateVersion={templateVersion}>
      <Page size="A4" style={sheet.page} wrap>
        <Text style={sheet.office}>{model.officeName}</Text>
        <Text style={sheet.app}>Asysta – obsługa asysty rodzinnej</Text>

        <Text style={sheet.title}>{TITLE.toUpperCase()}</Text>
        <Text style={sheet.meta}>Data utworzenia: {formatDateLong(model.createdOn)}</Text>
        {model.databaseId !== null && <Text style={sheet.meta}>Identyfikator bazy danych: {model.databaseId}</Text>}

        <View style={sheet.codeBox} wrap={false}>
          {lines.map((line, index) => (
            <View key={index} style={sheet.codeLine}>
              {line.map((group, g) => (
                <Text key={g} style={sheet.group}>
                  {group}
                </Text>
              ))}
            </View>
          ))}
        </View>

        <Text style={sheet.warning}>POUFNE – PRZECHOWYWAĆ W SEJFIE OŚRODKA</Text>

        {INSTRUCTIONS.map((text, index) => (
          <View key={index} style={sheet.item} wrap={false}>
            <Text style={sheet.itemNumber}>{index + 1}.</Text>
            <Text style={sheet.itemText}>{text}</Text>
          </View>
        ))}

        <View style={sheet.record} wrap={false}>
          <View style={sheet.recordRow}>
            <Text style={sheet.recordLabel}>Miejsce przechowywania:</Text>
            <View style={sheet.recordLine} />
          </View>
          <View style={sheet.recordRow}>
            <Text style={sheet.recordLabel}>Złożył(a) do sejfu (data, podpis):</Text>
            <View style={sheet.recordLine} />
          </View>
        </View>

        <View fixed style={sheet.footer}>
          <Text>
            {TITLE} – {model.officeName}
          </Text>
          <Text render={({ subPageNumber, subPageTotalPages }) => `Strona ${subPageNumber} z ${subPageTotalPages}`} />
        </View>
      </Page>
    </PdfDocument>
  );
}
