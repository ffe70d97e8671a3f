/**
 * The session as the rest of the main process sees it: who is signed in (Actor), the open
 * database with its key (ReadySession), the state machine's states, and what a channel's handler
 * receives (RequestContext). This module sits below the services: it imports no service, so that
 * every service and handler group can depend on it without a cycle (docs/architecture.md).
 */
import type { EntityManager } from 'typeorm';
import type { Channel, ChannelOutput, ParsedInput, SessionUser, Settings } from '../../shared/ipc';
import type { OfficeDatabase } from '../data/office-database';
import { AppError } from '../errors';

/** Who acts, with the office's settings of the moment (roles, per-case access, deadlines). */
export interface Actor {
  user: SessionUser;
  settings: Settings;
}

/**
 * A signed-in, unlocked session: the database is open (the embedded file under the master key,
 * or the office server as the signed-in person).
 */
export interface ReadySession {
  kind: 'ready';
  user: SessionUser;
  db: OfficeDatabase;
  masterKey: Buffer;
  settings: Settings;
  lastActivity: number;
}

/** Nobody signed in; the lock screen (database closed, key wiped); or ready. */
export type SessionState = { kind: 'none' } | { kind: 'locked'; user: SessionUser } | ReadySession;

/** The session of a channel whose access needs one (checked before the handler runs). */
export function requireReady(session: ReadySession | null): ReadySession {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
  return session;
}

export function actorOf(session: ReadySession): Actor {
  return { user: session.user, settings: session.settings };
}

/**
 * The one place the session's state is kept. The session manager (app/session-manager.ts) moves
 * it; services that act on their own (the scheduled backup, a restore) only look at it.
 */
export class CurrentSession {
  state: SessionState = { kind: 'none' };

  /** The open session, if any: for work the app does on its own, never counted as activity. */
  ready(): ReadySession | null {
    return this.state.kind === 'ready' ? this.state : null;
  }

  /** True while nobody is signed in, not even on the lock screen (a restore replaces the database). */
  signedOut(): boolean {
    return this.state.kind === 'none';
  }
}

/**
 * What a channel's handler gets from the dispatcher (app/dispatcher.ts) — never the backend.
 * `write` runs the work in one transaction on behalf of the session; a record-level refusal
 * (AppError FORBIDDEN) thrown inside it is audited by the dispatcher, in a transaction of its own,
 * with the given case. `read` runs it in a read transaction (waits for a running write).
 */
export interface RequestContext {
  readonly channel: Channel;
  /** The ready session, or null where the channel's access allows none (public, signedIn, locked). */
  readonly session: ReadySession | null;
  /** The session, refusing in Polish when there is none. */
  ready(): ReadySession;
  write<T>(caseId: string | null, work: (manager: EntityManager, actor: Actor) => Promise<T>): Promise<T>;
  read<T>(work: (manager: EntityManager, actor: Actor) => Promise<T>): Promise<T>;
}

export type Handler<C extends Channel> = (input: ParsedInput<C>, ctx: RequestContext) => Promise<ChannelOutput<C>>;
/** The handlers of a group of channels, typed from the channel map (shared/ipc.ts); each group lives beside its services. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };
