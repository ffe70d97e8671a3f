/**
 * The names of the channels, apart from their schemas, so that the preload stays a few lines
 * of plain code (no zod inside it). shared/ipc.ts must define exactly these: the compiler checks
 * both directions (`satisfies Record<ChannelName, …>` there).
 */
export const CHANNEL_NAMES = [
  'app:status',
  'setup:create',
  'session:login',
  'session:recover',
  'session:unlock',
  'session:lock',
  'session:logout',
  'session:touch',
  'session:changePassword',
  'office:get',
  'office:update',
  'settings:update',
  'users:list',
  'users:create',
  'users:update',
  'users:resetPassword',
  'audit:list',
  'audit:verify',
  'audit:exportCsv',
  'cases:create',
  'cases:list',
  'cases:get',
  'cases:findDuplicates',
  'cases:startInterview',
  'cases:chooseSocialWork',
  'cases:assignDirectly',
  'cases:addNote',
  'cases:setSignificant',
  'cases:changeLog',
  'interviews:get',
  'interviews:save',
  'interviews:complete',
  'analysis:save',
  'requests:file',
  'requests:queue',
  'requests:decide',
  'assistants:caseloads',
  'drafts:get',
  'drafts:save',
  'drafts:delete',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
