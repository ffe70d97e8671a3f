/**
 * app://asysta/ — the renderer build, served with a strict Content-Security-Policy. Anything
 * else (another host, a path outside the build, a malformed URL, a missing file) is 404 and
 * logged; a broken build answers every page request with the Polish error page.
 */
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { APP_SCHEME, rendererFile } from './app-url';
import { urlForLog, type ShellLog } from './log';
import { BROKEN_BUILD_PAGE, checkRendererBuild } from './renderer-build';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Mantine injects its CSS variables at run time
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** Must run before app 'ready' (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function withSecurityHeaders(body: BodyInit | null, status: number, headers: Headers): Response {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
  return new Response(body, { status, headers });
}

function notFound(): Response {
  return withSecurityHeaders('Nie znaleziono', 404, new Headers({ 'Content-Type': 'text/plain; charset=utf-8' }));
}

export function setupProtocol(
  electron: { protocol: Pick<Protocol, 'handle'>; net: Pick<Net, 'fetch'> },
  options: { rendererDir: string; log: ShellLog },
): void {
  const { rendererDir, log } = options;
  const build = checkRendererBuild(rendererDir);
  if (!build.ok) log.error('Renderer build broken, showing the error page', new Error(build.reason));
  electron.protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(rendererDir, request.url);
    if (file === null) {
      log.warn('Refused app:// request (foreign host, path outside the build or malformed)', urlForLog(request.url));
      return notFound();
    }
    if (!build.ok) {
      if (!file.endsWith('.html')) return notFound();
      return withSecurityHeaders(BROKEN_BUILD_PAGE, 200, new Headers({ 'Content-Type': 'text/html; charset=utf-8' }));
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      log.warn('app:// request for a missing file', urlForLog(request.url));
      return notFound();
    }
    const response = await electron.net.fetch(pathToFileURL(file).toString());
    return withSecurityHeaders(response.body, response.status, new Headers(response.headers));
  });
}
