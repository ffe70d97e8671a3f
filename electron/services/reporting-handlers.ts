/**
 * The channels of issue 8: search, the work tray and the statistics. Reads go through `db.read`
 * (they wait for a running write); every export is written to the audit trail.
 */
import type { Backend, HandlersFor, ReadySession } from '../backend';
import { requireReady } from '../backend';
import type { Actor } from './cases';
import { SearchService } from './search';
import { StatsService, statsFile } from './stats';
import { TrayService } from './tray';

export type ReportingChannel = 'search:cases' | 'tray:get' | 'stats:get' | 'stats:export';

export interface ReportingServices {
  search: SearchService;
  tray: TrayService;
  stats: StatsService;
}

export function reportingServices(backend: Backend): ReportingServices {
  return { search: new SearchService(), tray: new TrayService(backend.clock), stats: new StatsService(backend.clock) };
}

export function reportingHandlers(backend: Backend, services: ReportingServices = reportingServices(backend)): HandlersFor<ReportingChannel> {
  const actor = (s: ReadySession): Actor => ({ user: s.user, settings: s.settings });
  return {
    'search:cases': ({ query, limit }, session) => {
      const s = requireReady(session);
      return s.db.read(async (m) => services.search.search(m, query, limit, actor(s)));
    },
    'tray:get': ({ officeLimit }, session) => {
      const s = requireReady(session);
      return s.db.read(async (m) => services.tray.get(m, actor(s), officeLimit));
    },
    'stats:get': ({ from, to }, session) => requireReady(session).db.read(async (m) => services.stats.get(m, from, to)),
    'stats:export': async ({ from, to, format }, session) => {
      const s = requireReady(session);
      const { view, office } = await s.db.read(async (m) => ({ view: services.stats.get(m, from, to), office: await backend.office.get(m) }));
      const file = statsFile(view, format, office.name, backend.clock.now());
      await s.db.write((m) => backend.audit.append(m, { actorId: s.user.id, action: 'stats.export', details: { from, to, format, fileName: file.fileName } }));
      return file;
    },
  };
}
