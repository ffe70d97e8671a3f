/**
 * The shell's log for the office's IT help: start-up, refused requests and calls, errors,
 * backups, migrations and restores, in `<userData>/logs/asysta.log` (rotated at 1 MB into
 * asysta.old.log, so at most ~2 MB on disk).
 *
 * It never holds names, PESELs or anything a person typed: callers pass fixed texts from the
 * code, and the only outside text that reaches the file — an unexpected error's message and a
 * URL or path — goes through scrub(), which cuts quoted text, long digit runs (PESEL, NIP, phone
 * numbers) and the user's home folder (on office PCs the Windows account is often a person's name).
 * electron-log's Node entry is used, not its Electron one: that one would register its own IPC
 * channel, and the app answers only its own channels.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import electronLog from 'electron-log/node';

export interface ShellLog {
  /** `event`: a fixed text from the code; `detail`: outside text (a URL, a path), scrubbed. */
  info(event: string, detail?: string): void;
  warn(event: string, detail?: string): void;
  /** An unexpected error: its class, code, scrubbed message (and detail) and stack frames (code locations). */
  error(event: string, error?: unknown): void;
  readonly file: string;
}

const MAX_DETAIL = 200;
const LOG_SIZE = 1024 * 1024;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const HOME_PATTERNS = (() => {
  const home = homedir();
  if (!home || home === '/') return [];
  return [...new Set([home, home.replace(/\\/g, '/')])].map((path) => new RegExp(escapeRegExp(path), 'gi'));
})();

function withoutHome(text: string): string {
  let result = text;
  for (const pattern of HOME_PATTERNS) result = result.replace(pattern, '~');
  return result;
}

/** Outside text made safe for the log: no quoted text, no long numbers, no home folder, one line. */
export function scrub(text: string): string {
  const result = withoutHome(text)
    .replace(/(["'`„”«»])[^"'`„”«»\n]*(["'`„”«»])/g, '$1…$2')
    .replace(/\d{5,}/g, '#')
    .replace(/[\r\n\t]+/g, ' ');
  return result.length > MAX_DETAIL ? `${result.slice(0, MAX_DETAIL)}…` : result;
}

/**
 * A URL as the log may hold it: scheme and host only (a path or query can carry what a person
 * typed, or a name). Unparsable input is reported as such.
 */
export function urlForLog(url: string): string {
  try {
    const parsed = new URL(url);
    const rest = parsed.pathname.length > 1 || parsed.search || parsed.hash ? '/…' : '';
    return scrub(`${parsed.protocol}//${parsed.host}${rest}`);
  } catch {
    return '(malformed URL)';
  }
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `(${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` [${String(code)}]` : ''}: ${scrub(error.message)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => `    ${withoutHome(line.trim())}`);
  // Some errors carry what went wrong underneath (the PDF worker's failure): its first line, scrubbed.
  const detail = (error as { detail?: unknown }).detail;
  const underneath = typeof detail === 'string' && detail !== '' ? [`  (${scrub(detail.split('\n')[0] ?? '')})`] : [];
  return [head, ...underneath, ...frames].join('\n');
}

let loggers = 0;

/**
 * One logger per shell start (tests start several shells in one process; each writes its own file).
 * `logsDir`: <userData>/logs.
 */
export function createShellLog(logsDir: string, options: { console: boolean }): ShellLog {
  loggers += 1;
  const logger = electronLog.create({ logId: `asysta-shell-${loggers}` });
  const file = join(logsDir, 'asysta.log');
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = LOG_SIZE;
  logger.transports.file.level = 'info';
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.console.level = options.console ? 'warn' : false;
  const line = (event: string, detail?: string) => (detail === undefined ? event : `${event}: ${scrub(detail)}`);
  return {
    file,
    info: (event, detail) => logger.info(line(event, detail)),
    warn: (event, detail) => logger.warn(line(event, detail)),
    error: (event, error) => logger.error(error === undefined ? event : `${event}\n${describeError(error)}`),
  };
}
