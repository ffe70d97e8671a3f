/**
 * The user's own preferences (issue 15): the text size, kept per user in the office's database
 * (a row of `setting` per user, no table of its own), so that it follows her to every session.
 */
import { DEFAULT_PREFERENCES, textScaleSchema, type AccountPreferences } from '../../shared/account';
import type { Clock } from '../clock';
import { SettingEntity } from '../db/entities';
import type { HandlersFor } from '../session/context';
import type { AuditService } from './audit';

export type AccountChannel = 'account:preferences' | 'account:setTextScale';

const key = (userId: string) => `account.textScale.${userId}`;

export function accountHandlers({ audit, clock }: { audit: AuditService; clock: Clock }): HandlersFor<AccountChannel> {
  return {
    'account:preferences': (_input, ctx) =>
      ctx.read(async (m, a): Promise<AccountPreferences> => {
        const row = await m.getRepository(SettingEntity).findOneBy({ key: key(a.user.id) });
        const parsed = row ? textScaleSchema.safeParse(Number(row.value)) : null;
        return parsed?.success ? { textScale: parsed.data } : DEFAULT_PREFERENCES;
      }),
    'account:setTextScale': ({ textScale }, ctx) =>
      ctx.write(null, async (m, a): Promise<AccountPreferences> => {
        const repo = m.getRepository(SettingEntity);
        const before = await repo.findOneBy({ key: key(a.user.id) });
        await repo.save({ key: key(a.user.id), value: String(textScale), updatedAt: clock.now().toISOString(), updatedBy: a.user.id });
        await audit.append(m, {
          actorId: a.user.id,
          action: 'user.preferences',
          entityType: 'user',
          entityId: a.user.id,
          details: { textScale: { from: before ? Number(before.value) : DEFAULT_PREFERENCES.textScale, to: textScale } },
        });
        return { textScale };
      }),
  };
}
