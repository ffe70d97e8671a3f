/**
 * The open forms' drafts that are still waiting to be saved. Locking or signing out first saves
 * them (`flushAllDrafts`): once the session is locked the main process refuses every write.
 */
const flushers = new Set<() => Promise<void>>();

export function registerDraftFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

export async function flushAllDrafts(): Promise<void> {
  await Promise.allSettled([...flushers].map((flush) => flush()));
}
