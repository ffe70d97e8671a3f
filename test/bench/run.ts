/**
 * `npm run bench`: every benchmark of the product, printing figures (these machines are shared
 * and noisy, so targets are read by a person, not asserted). `npm run bench -- unlock` runs one.
 */
import { benchUnlock } from './unlock';
import { benchSearchTray } from './search-tray';
import { benchExport } from './export';
import { benchPdf } from './pdf';
import { benchLists } from './lists';
import { benchKeys } from './keys';
import { benchShell } from './shell';
import { benchReferrals } from './referrals';
import { benchServerDb } from './server-db';
import { benchBackup } from './backup';
import { benchMove } from './move';
import { benchServer } from './server';

const BENCHES: Record<string, () => Promise<void>> = {
  unlock: () => benchUnlock(),
  search: () => benchSearchTray(),
  export: () => benchExport(),
  pdf: () => benchPdf(),
  lists: () => benchLists(),
  keys: () => benchKeys(),
  shell: () => benchShell(),
  referrals: () => benchReferrals(),
  'server-db': () => benchServerDb(),
  backup: () => benchBackup(),
  move: () => benchMove(),
  server: () => benchServer(),
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(BENCHES)) {
  if (only.length === 0 || only.includes(name)) await run();
}
