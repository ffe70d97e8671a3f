import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { flushAllDrafts } from '../../lib/draftRegistry';
import { errorMessage, isSessionError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/useChannelMutation';

/** Lock, log out and "still here" for the signed-in layout; status follows from the QueryClient. */
export function useSessionActions() {
  const lockMutation = useChannelMutation('session:lock');
  const logoutMutation = useChannelMutation('session:logout');
  const touchMutation = useChannelMutation('session:touch');
  const { mutate: lockMutate } = lockMutation;
  const { mutate: logoutMutate } = logoutMutation;
  const { mutate: touchMutate } = touchMutation;

  // Drafts still waiting to be saved go first: a locked session accepts no writes.
  const lock = useCallback(() => {
    void flushAllDrafts().then(() =>
      lockMutate(
        {},
        {
          onError: (error) => {
            if (isSessionError(error)) return;
            notifications.show({ color: 'red', title: 'Nie udało się zablokować sesji', message: errorMessage(error) });
          },
        },
      ),
    );
  }, [lockMutate]);

  const logout = useCallback(() => {
    void flushAllDrafts().then(() =>
      logoutMutate(
        {},
        {
          onError: (error) => {
            if (isSessionError(error)) return;
            notifications.show({ color: 'red', title: 'Nie udało się wylogować', message: errorMessage(error) });
          },
        },
      ),
    );
  }, [logoutMutate]);

  // A failed report needs no message: if the session is gone, the status refresh shows why.
  const touch = useCallback(() => touchMutate({}), [touchMutate]);

  return { lock, logout, touch, locking: lockMutation.isPending, loggingOut: logoutMutation.isPending };
}
