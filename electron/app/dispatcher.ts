/**
 * Answers one call of the channel map: parse → access → transaction policy → handler → Result.
 * It never throws. Refusals are audited here and only here: a channel the role may not use
 * (before the handler runs) and a record the user may not touch (AppError FORBIDDEN thrown inside
 * a handler's `ctx.write`, whose transaction is rolled back: the refusal gets one of its own).
 */
import type { z } from 'zod';
import { can, refusalMessage } from '../../shared/domain/roles';
import { channels, type Channel } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import type { Clock } from '../clock';
import type { Log } from '../data/data-folder';
import { AppError } from '../errors';
import type { AuditService } from '../services/audit';
import { actorOf, requireReady, type CurrentSession, type HandlersFor, type ReadySession, type RequestContext } from '../session/context';

export interface DispatcherDeps {
  handlers: HandlersFor<Channel>;
  session: CurrentSession;
  audit: AuditService;
  clock: Clock;
  log: Log;
  /** Runs before every call (the idle lock: a session idle too long is locked before it is used). */
  beforeEach: () => Promise<void>;
}

/** Asked by the window on its own timer, not by the user: they never keep an idle session open. */
const PASSIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['app:status', 'app:dataVersion']);

const INTERNAL = 'Wystąpił nieoczekiwany błąd. Nic nie zostało zapisane. Spróbuj ponownie, a jeśli błąd się powtórzy, zgłoś go administratorowi.';

export class Dispatcher {
  constructor(private readonly deps: DispatcherDeps) {}

  async invoke(channelName: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(channels, channelName)) {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Nieznane polecenie. Uruchom program ponownie.' } };
    }
    const name = channelName as Channel;
    try {
      await this.deps.beforeEach();
      const parsed = channels[name].input.safeParse(rawInput ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      const session = await this.access(name);
      if (session && !PASSIVE_CHANNELS.has(name)) session.lastActivity = this.deps.clock.now().getTime();
      const handler = this.deps.handlers[name] as (input: unknown, ctx: RequestContext) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, this.context(name, session)) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      this.deps.log(`Unexpected error in ${name}`, error);
      return { ok: false, error: { code: 'INTERNAL', message: INTERNAL } };
    }
  }

  /** What a handler gets for one call: the session and the transaction policy. The CLI takes one for its own runs too. */
  context(channel: Channel, session: ReadySession | null): RequestContext {
    return {
      channel,
      session,
      ready: () => requireReady(session),
      read: (work) => {
        const s = requireReady(session);
        return s.db.read((m) => work(m, actorOf(s)));
      },
      write: async (caseId, work) => {
        const s = requireReady(session);
        try {
          return await s.db.write((m) => work(m, actorOf(s)));
        } catch (error) {
          if (error instanceof AppError && error.code === 'FORBIDDEN') await this.refused(s, caseId, { channel, reason: error.message });
          throw error;
        }
      },
    };
  }

  /** The session the channel's access needs (shared/ipc.ts): refused in Polish otherwise. */
  private async access(name: Channel): Promise<ReadySession | null> {
    const access = channels[name].access;
    const state = this.deps.session.state;
    if (access === 'public') return state.kind === 'ready' ? state : null;
    if (access === 'locked') {
      if (state.kind !== 'locked') throw new AppError('INVALID_STATE', 'Sesja nie jest zablokowana.');
      return null;
    }
    if (access === 'signedIn') {
      if (state.kind === 'none') throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
      return state.kind === 'ready' ? state : null;
    }
    if (state.kind === 'locked') throw new AppError('LOCKED', 'Sesja jest zablokowana. Wpisz hasło, aby kontynuować.');
    if (state.kind === 'none') throw new AppError('UNAUTHENTICATED', 'Zaloguj się, aby kontynuować.');
    if (access !== 'session' && !can(state.user.roles, access.permission)) {
      await this.refused(state, null, { channel: name, permission: access.permission });
      throw new AppError('FORBIDDEN', refusalMessage(access.permission));
    }
    return state;
  }

  /** A refusal on the audit trail, in a transaction of its own. */
  private async refused(session: ReadySession, caseId: string | null, details: Record<string, unknown>): Promise<void> {
    await session.db.write((m) => this.deps.audit.append(m, { actorId: session.user.id, action: 'access.denied', caseId, details }));
  }
}

function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'Nieprawidłowe dane.';
  return new AppError('VALIDATION', `Popraw dane: ${first}`, fields);
}
