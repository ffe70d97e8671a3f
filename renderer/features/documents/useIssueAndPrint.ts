/**
 * Issues a document through the register and opens it in the system's PDF viewer to print
 * (documents:issue, then documents:print): for the buttons beside a record ("Drukuj pismo do
 * rodziny", "Drukuj wywiad"). Unchanged data gives back the stored document (a reprint).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CaseDocumentKind, DocumentEntryView } from '../../../shared/documents';
import { call } from '../../api';
import { errorMessage } from '../../lib/errors';
import { documentsKey } from './documentQueries';

export interface PrintNotice {
  color: 'blue' | 'red';
  text: string;
}

export function useIssueAndPrint(caseId: string) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<PrintNotice | null>(null);

  const print = async (kind: CaseDocumentKind, subjectId: string): Promise<DocumentEntryView | null> => {
    setBusy(`${kind}:${subjectId}`);
    setNotice(null);
    try {
      const { document, reprint } = await call('documents:issue', { caseId, kind, subjectId });
      await queryClient.invalidateQueries({ queryKey: documentsKey(caseId) });
      await call('documents:print', { documentId: document.id });
      setNotice({
        color: 'blue',
        text: `${reprint ? 'Ten sam dokument' : 'Wydano dokument'} nr ${document.number}${document.version > 1 ? ` (wersja ${document.version})` : ''}: otwarto go w przeglądarce plików PDF, wybierz w niej „Drukuj” (Ctrl+P).`,
      });
      return document;
    } catch (error) {
      setNotice({ color: 'red', text: errorMessage(error) });
      return null;
    } finally {
      setBusy(null);
    }
  };

  return { print, busy, notice, clearNotice: () => setNotice(null) };
}
