/** What a user may do with one court request, as buttons (the main process checks each call again). */
import { Button } from '@mantine/core';
import { useState } from 'react';
import type { CourtRequestView } from '../../../shared/court';
import { can } from '../../../shared/domain/roles';
import type { SessionUser } from '../../../shared/ipc';
import { useNavigation } from '../layout/navigation';
import { AnswerModal } from './AnswerModal';
import { asksFiles, asksOpinion } from './courtQueries';
import { ExportModal } from './ExportModal';

/** Exporting the case file needs full access to the case: the kierownik or the leading worker. */
export function mayExport(user: SessionUser, fullAccess: boolean): boolean {
  return fullAccess || can(user.roles, 'court.approve');
}

export function CourtActions({ request, user, fullAccess }: { request: CourtRequestView; user: SessionUser; fullAccess: boolean }) {
  const { navigate } = useNavigation();
  const [dialog, setDialog] = useState<'export' | 'answer' | null>(null);
  return (
    <>
      {asksOpinion(request) ? (
        <Button size="xs" variant="light" onClick={() => navigate({ view: 'opinion', caseId: request.caseId, requestId: request.id })}>
          Opinia
        </Button>
      ) : null}
      {asksFiles(request) && mayExport(user, fullAccess) ? (
        <Button size="xs" variant="light" onClick={() => setDialog('export')}>
          Akta dla sądu
        </Button>
      ) : null}
      {request.status === 'open' ? (
        <Button size="xs" variant="subtle" onClick={() => setDialog('answer')}>
          Odpowiedź wysłana
        </Button>
      ) : null}
      {dialog === 'export' ? <ExportModal request={request} opened onClose={() => setDialog(null)} /> : null}
      {dialog === 'answer' ? <AnswerModal request={request} opened onClose={() => setDialog(null)} /> : null}
    </>
  );
}
