/**
 * The app's own address space: app://asysta/…, served from the renderer build.
 *
 * Node's `new URL('app://asysta/x').origin` is the string "null" (app: is not a special scheme
 * to the WHATWG URL parser), so nothing here compares origins: a URL is the app's when its
 * protocol is `app:` and its host is `asysta`. The protocol handler and the IPC sender check
 * both use isAppUrl.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'asysta';
/** The page the window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for app://asysta/… and nothing else (not app://evil, not file:, not https://asysta). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * The file of the renderer build an app:// request asks for, or null when the request is not
 * the app's (foreign host or scheme, malformed URL) or leaves the build folder: `..` segments
 * (also percent-encoded), backslashes (`%5c`, a separator on Windows), NUL bytes.
 */
export function rendererFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\\') || path.includes('\0')) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 0 || segments.some((segment) => segment === '..' || segment === '.')) return null;
  const file = join(rendererDir, ...segments);
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}
