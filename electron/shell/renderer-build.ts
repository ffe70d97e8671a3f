/**
 * Is the renderer build whole? Checked once at start: index.html must exist, hold the app's root
 * element and name its script; every ./assets/… file it names must exist and not be empty. A
 * missing or broken build (an interrupted copy, a damaged disk, an antivirus quarantine) gets
 * the Polish error page instead of a blank window.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type RendererBuild = { ok: true } | { ok: false; reason: string };

const ASSET_REFERENCE = /(?:src|href)="\.\/(assets\/[A-Za-z0-9._-]+)"/g;

export function checkRendererBuild(rendererDir: string): RendererBuild {
  let html: string;
  try {
    html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return { ok: false, reason: 'index.html missing' };
  }
  if (!html.includes('<div id="root"></div>')) return { ok: false, reason: 'index.html without the app root' };
  const assets = [...html.matchAll(ASSET_REFERENCE)].map((match) => match[1] as string);
  if (!assets.some((asset) => asset.endsWith('.js'))) return { ok: false, reason: 'index.html names no script' };
  for (const asset of assets) {
    try {
      if (statSync(join(rendererDir, asset)).size === 0) return { ok: false, reason: `${asset} empty` };
    } catch {
      return { ok: false, reason: `${asset} missing` };
    }
  }
  return { ok: true };
}

/** The page shown instead of the app when its build is broken (served under the same CSP: no script). */
export const BROKEN_BUILD_PAGE = `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<title>Asysta — błąd instalacji</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1f2933; }
main { max-width: 40rem; margin: 12vh auto; background: #fff; padding: 2rem 2.5rem; border-radius: 8px; border-top: 6px solid #c92a2a; }
h1 { font-size: 1.5rem; margin-top: 0; }
li { margin: 0.4rem 0; }
</style>
</head>
<body>
<main>
<h1>Nie można uruchomić Asysty</h1>
<p>Pliki programu są niekompletne albo uszkodzone, dlatego okno programu nie może się wyświetlić.
Dane ośrodka nie zostały naruszone: są przechowywane osobno i zaszyfrowane.</p>
<ol>
<li>Zamknij to okno.</li>
<li>Zainstaluj Asystę ponownie z instalatora (dane ośrodka pozostaną na miejscu).</li>
<li>Jeśli błąd się powtarza, przekaż informatykowi plik dziennika <code>asysta.log</code> z folderu <code>logs</code> w katalogu danych programu.</li>
</ol>
</main>
</body>
</html>
`;
