/**
 * The user's own preferences (issue 15): the text size, kept per user in the office's database
 * (a row of `setting` per user, no table of its own), so that it follows her to every session.
 */
import { DEFAULT_PREFERENCES, textScaleSchema, type AccountPreferences } from '../../shared/account';
import type { Backend, HandlersFor } from '../backend';
import { requireReady } from '../backend';
import { SettingEntity } from '../db/entities';

export type AccountChannel = 'account:preferences' | 'account:setTextScale';

const key = (userId: string) => `account.textScale.${userId}`;

export function accountHandlers(backend: Backend): HandlersFor<AccountChannel> {
  return {
    'account:preferences': (_input, session) => {
      const s = requireReady(session);
      return s.db.read(async (m): Promise<AccountPreferences> => {
        const row = await m.getRepository(SettingEntity).findOneBy({ key: key(s.user.id) });
        const parsed = row ? textScaleSchema.safeParse(Number(row.value)) : null;
        return parsed?.success ? { textScale: parsed.data } : DEFAULT_PREFERENCES;
      });
    },
    'account:setTextScale': ({ textScale }, session) => {
      const s = requireReady(session);
      return s.db.write(async (m): Promise<AccountPreferences> => {
        const repo = m.getRepository(SettingEntity);
        const before = await repo.findOneBy({ key: key(s.user.id) });
        await repo.save({ key: key(s.user.id), value: String(textScale), updatedAt: backend.clock.now().toISOString(), updatedBy: s.user.id });
        await backend.audit.append(m, {
          actorId: s.user.id,
          action: 'user.preferences',
          entityType: 'user',
          entityId: s.user.id,
          details: { textScale: { from: before ? Number(before.value) : DEFAULT_PREFERENCES.textScale, to: textScale } },
        });
        return { textScale };
      });
    },
  };
}
