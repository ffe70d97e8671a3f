/**
 * The channels of issue 8: search, the work tray and the statistics. Reads go through `db.read`
 * (they wait for a running write); every export is written to the audit trail.
 */
import type { Clock } from '../clock';
import { countStatsCases, statsCaseRows } from '../data/queries/stats-cases';
import type { HandlersFor } from '../session/context';
import type { AuditService } from './audit';
import { calendarWeek } from './calendar-week';
import type { OfficeService } from './office';
import type { SearchService } from './search';
import { statsFile, type StatsService } from './stats';
import type { TrayService } from './tray';

export type ReportingChannel = 'search:cases' | 'tray:get' | 'tray:week' | 'stats:get' | 'stats:cases' | 'stats:export';

export interface ReportingPorts {
  search: SearchService;
  tray: TrayService;
  stats: StatsService;
  office: OfficeService;
  audit: AuditService;
  clock: Clock;
}

export function reportingHandlers({ search, tray, stats, office, audit, clock }: ReportingPorts): HandlersFor<ReportingChannel> {
  return {
    'search:cases': ({ query, limit }, ctx) => ctx.read((m, a) => search.search(m, query, limit, a)),
    'tray:get': (query, ctx) => ctx.read(async (m, a) => tray.get(m, a, query)),
    'tray:week': (query, ctx) => ctx.read(async (m, a) => calendarWeek(m, a, tray.today(), query)),
    'stats:get': ({ from, to }, ctx) => ctx.read((m) => stats.get(m, from, to)),
    'stats:cases': ({ from, to, measure, page, pageSize }, ctx) =>
      ctx.read(async (m) => {
        const total = await countStatsCases(m, measure, { from, to });
        const rows = total === 0 ? [] : await statsCaseRows(m, measure, { from, to }, { limit: pageSize, offset: (page - 1) * pageSize });
        return { rows, total, page, pageSize };
      }),
    'stats:export': async ({ from, to, format }, ctx) => {
      const { view, name } = await ctx.read(async (m) => ({ view: await stats.get(m, from, to), name: (await office.get(m)).name }));
      const file = statsFile(view, format, name, clock.now());
      await ctx.write(null, (m, a) => audit.append(m, { actorId: a.user.id, action: 'stats.export', details: { from, to, format, fileName: file.fileName } }));
      return file;
    },
  };
}
