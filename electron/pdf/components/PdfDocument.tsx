import type { ReactNode } from 'react';
import { Document } from '@react-pdf/renderer';
import { metadataDate } from '../format';
import type { IsoDate } from '../models';

export const PRODUCER = 'Asysta';

interface PdfDocumentProps {
  /** Written into the PDF metadata (shown as the window title by readers). */
  title: string;
  /** The office: the author of record. */
  author: string;
  /** The document's date; becomes CreationDate and ModDate. */
  issuedOn: IsoDate;
  templateVersion: string;
  children: ReactNode;
}

/**
 * The <Document> of every print. All metadata comes from the model, never from the clock:
 * pdfkit derives the file /ID from it, so the same model gives the same bytes on reprint.
 */
export function PdfDocument({ title, author, issuedOn, templateVersion, children }: PdfDocumentProps) {
  const date = metadataDate(issuedOn);
  return (
    <Document
      title={title}
      author={author}
      subject={title}
      creator={`${PRODUCER} (${templateVersion})`}
      producer={PRODUCER}
      language="pl"
      creationDate={date}
      modificationDate={date}
    >
      {children}
    </Document>
  );
}
