/** The office's record and settings (office:*, settings:update), bound to OfficeService; the data's version (app:dataVersion). */
import { dataVersion } from '../data/queries/data-version';
import type { HandlersFor } from '../session/context';
import type { OfficeService } from './office';

export type OfficeChannel = 'office:get' | 'office:update' | 'settings:update' | 'app:dataVersion';

export function officeHandlers({ office }: { office: OfficeService }): HandlersFor<OfficeChannel> {
  return {
    'office:get': (_input, ctx) => ctx.read((m) => office.get(m)),

    'office:update': (input, ctx) => ctx.write(null, (m, a) => office.update(m, input, a.user.id)),

    'settings:update': async (input, ctx) => {
      const s = ctx.ready();
      // The session's copy too: deadlines, the idle lock and the backup folder take effect at once.
      s.settings = await s.db.write((m) => office.updateSettings(m, input, s.user.id));
      return s.settings;
    },

    // Polled by the renderer in server mode: another PC's write moves it (docs/office-server.md).
    'app:dataVersion': async (_input, ctx) => ({ version: await ctx.read((m) => dataVersion(m)) }),
  };
}
