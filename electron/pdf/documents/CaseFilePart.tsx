/**
 * One part of a case file sent to a court (issue 7): the chronology, the notes, the wywiady, the
 * plans or the assessments of one case, as a list of dated entries under the office letterhead.
 * Used by the case-file export (electron/services/court-export.ts), which merges the parts into
 * the court's bundle; an empty part still prints, saying there is nothing in it.
 */
import { View } from '@react-pdf/renderer';
import { Text } from '../components/Text';
import { DocumentPage, DocumentTitle, LabelValue, NoData, Paragraphs, PdfDocument, SectionHeading, styles } from '../components';
import type { CaseFilePartModel } from '../models';

export const templateVersion = 'akta-sprawy-czesc/1';

export function CaseFilePartDocument({ model }: { model: CaseFilePartModel }) {
  const { header } = model;
  const footerTitle = header.caseNumber === null ? model.title : `${model.title} – sprawa ${header.caseNumber}`;
  return (
    <PdfDocument title={footerTitle} author={header.office.name} issuedOn={header.issuedOn} templateVersion={templateVersion}>
      <DocumentPage header={header} title={footerTitle}>
        <DocumentTitle title={model.title.toUpperCase()} subtitle={model.subtitle} />
        {model.entries.length === 0 && <NoData text={model.emptyText} />}
        {model.entries.map((entry, index) => (
          <View key={index} style={{ marginBottom: 8 }}>
            <SectionHeading>{entry.heading}</SectionHeading>
            {entry.meta !== null && <Text style={[styles.muted, styles.small, { marginBottom: 3 }]}>{entry.meta}</Text>}
            {entry.fields.map((field, i) => (
              <LabelValue key={i} label={field.label} value={field.value} labelWidth={170} />
            ))}
            {entry.text !== null && <Paragraphs text={entry.text} />}
          </View>
        ))}
      </DocumentPage>
    </PdfDocument>
  );
}
