/**
 * "Kontrakt socjalny": loads the case, its family work and the form's stored draft, then shows the
 * editor (a draft the social worker may change, ContractEditor.tsx) or the read view with what
 * happens to a signed kontrakt (ContractReadView.tsx, ContractEvents.tsx).
 */
import { Alert, Button, Stack } from '@mantine/core';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useStoredDraft } from '../../lib/useAutosave';
import { familyName } from '../case-file/familyName';
import { useCaseFile } from '../cases/caseQueries';
import { useNavigation } from '../layout/navigation';
import { useSession } from '../layout/session';
import { ContractEditor } from './ContractEditor';
import { ContractEvents } from './ContractEvents';
import { ContractReadView } from './ContractReadView';
import { mayManageContracts, useFamilyWork } from './workQueries';

export { ContractStatusBadge } from './ContractReadView';

/**
 * "Kontrakt socjalny" (art. 108 u.p.s.; wzory z rozporządzenia, Dz.U. 2010 nr 218 poz. 1439): the
 * social worker writes the draft with the person or family, signs it, then records how it goes.
 */
export function ContractPage({ caseId, contractId }: { caseId: string; contractId: string | null }) {
  const { user } = useSession();
  const { navigate } = useNavigation();
  const file = useCaseFile(caseId);
  const work = useFamilyWork(caseId);
  const draft = useStoredDraft(`contract:${contractId ?? `new-${caseId}`}`);
  const contract = contractId ? work.data?.contracts.find((c) => c.id === contractId) : undefined;
  const ready = file.data && work.data && draft.isSuccess;
  const manage = file.data ? mayManageContracts(user, file.data) : false;

  return (
    <Stack gap="lg" maw={1200}>
      <PageHeader
        title={contractId ? 'Kontrakt socjalny' : 'Nowy kontrakt socjalny'}
        description={file.data ? `Sprawa ${file.data.number} — ${familyName(file.data)}` : undefined}
        actions={
          <Button variant="default" onClick={() => navigate({ view: 'case', caseId, tab: 'contract' })}>
            Wróć do teczki sprawy
          </Button>
        }
      />
      <QueryState
        isPending={file.isPending || work.isPending || draft.isPending}
        error={file.error ?? work.error ?? draft.error}
        onRetry={() => void Promise.all([file.refetch(), work.refetch()])}
        loadingLabel="Wczytywanie kontraktu…"
      />
      {ready && contractId && !contract ? <Alert color="red">Nie znaleziono takiego kontraktu w tej sprawie.</Alert> : null}
      {ready && (!contractId || contract?.status === 'draft') && manage ? <ContractEditor file={file.data} contract={contract ?? null} storedDraft={draft.data ?? null} /> : null}
      {ready && contract && (contract.status !== 'draft' || !manage) ? (
        <>
          <ContractReadView file={file.data} contract={contract} />
          {manage ? <ContractEvents contract={contract} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
