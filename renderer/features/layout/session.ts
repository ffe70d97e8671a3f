import { createContext, useContext } from 'react';
import type { OfficeInfo, ServerAddress, SessionUser, Settings } from '../../../shared/ipc';

/** The signed-in user, the office, the settings and the office server (null: this PC), from the latest `app:status`. */
export interface Session {
  user: SessionUser;
  office: OfficeInfo | null;
  settings: Settings | null;
  server: ServerAddress | null;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside SessionContext');
  return session;
}
