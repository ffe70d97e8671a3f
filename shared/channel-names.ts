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
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
