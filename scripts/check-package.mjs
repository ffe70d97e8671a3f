// `npm run check:package` (.ci/run runs it after `npm test`): packages the built app with
// electron-builder --dir, as `npm run dist` would, but against a stand-in Electron distribution
// (electronDist: a folder made here, whose "binary" holds only Electron's fuse wire), and checks
// what would reach an office PC:
// - resources/app.asar holds dist/ (main, preload, PDF worker, renderer) and the production
//   node_modules every require() of the bundles needs — nothing from test/, no source maps, no
//   .tmp/, no TypeScript sources, no development packages;
// - the SQLite binding is unpacked beside the asar (asarUnpack), as Node cannot dlopen from it;
// - resources/fonts holds the PDF fonts (the worker reads them from disk);
// - the PDF worker, started from the packaged files (the asar written out to a folder outside the
//   repository), loads the fonts and renders every document of the PDF fixtures;
// - Chromium's locales are cut to Polish and the English fallback (electronLanguages);
// - the fuses of electron-builder.yml were flipped in the binary's fuse wire;
// and prints the sizes of the unpacked app and of app.asar.
// What it cannot check (Electron's real binary, a Windows build) is listed in build/README.md.
import { spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const work = join(root, '.tmp', 'package-check');
const electronDist = join(work, 'electron-dist');
const output = join(work, 'out');
const appDir = join(output, 'linux-unpacked');
const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
};

// --- Electron's fuse wire (@electron/fuses, FuseV1Options order) -------------------------------
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];
// As Electron ships them: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, …
const ELECTRON_DEFAULT_WIRE = '10110001';
/** What electron-builder.yml must have flipped them to (1 = enabled). */
const EXPECTED_FUSES = {
  runAsNode: '0',
  enableCookieEncryption: '1',
  enableNodeOptionsEnvironmentVariable: '0',
  enableNodeCliInspectArguments: '0',
  enableEmbeddedAsarIntegrityValidation: '1',
  onlyLoadAppFromAsar: '1',
  grantFileProtocolExtraPrivileges: '0',
};

function readFuses(binary) {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(Buffer.from(SENTINEL));
  if (at < 0) return null;
  const length = bytes[at + SENTINEL.length + 1];
  const wire = bytes.subarray(at + SENTINEL.length + 2, at + SENTINEL.length + 2 + length).toString('latin1');
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i]]));
}

// --- asar (Chromium pickle: 4-byte size, header size, then a pickled JSON string) -------------
/** The asar's table of contents, and where its files' bytes start. */
function readAsar(file) {
  const fd = openSync(file, 'r');
  try {
    const sizeBuffer = Buffer.alloc(8);
    readSync(fd, sizeBuffer, 0, 8, 0);
    const headerSize = sizeBuffer.readUInt32LE(4);
    const header = Buffer.alloc(headerSize);
    readSync(fd, header, 0, headerSize, 8);
    const jsonLength = header.readUInt32LE(4);
    return { header: JSON.parse(header.subarray(8, 8 + jsonLength).toString('utf8')), dataOffset: 8 + headerSize };
  } finally {
    closeSync(fd);
  }
}

/** Writes the asar's files (and the unpacked ones beside it) out to `target`: the app as Electron sees it. */
function extractAsar(file, target) {
  const { header, dataOffset } = readAsar(file);
  const fd = openSync(file, 'r');
  const walk = (node, relative) => {
    mkdirSync(join(target, relative), { recursive: true });
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = join(relative, name);
      if (entry.files) walk(entry, path);
      else if (entry.link) symlinkSync(entry.link, join(target, path));
      else if (entry.unpacked) cpSync(join(`${file}.unpacked`, path), join(target, path));
      else {
        const bytes = Buffer.alloc(entry.size);
        if (entry.size > 0) readSync(fd, bytes, 0, entry.size, dataOffset + Number(entry.offset));
        writeFileSync(join(target, path), bytes, { mode: entry.executable ? 0o755 : 0o644 });
      }
    }
  };
  try {
    walk(header, '');
  } finally {
    closeSync(fd);
  }
}

/** Every file of the asar: path → { size, unpacked }. */
function asarFiles(node, prefix = '') {
  const files = new Map();
  for (const [name, entry] of Object.entries(node.files ?? {})) {
    const path = `${prefix}/${name}`;
    if (entry.files) for (const [p, e] of asarFiles(entry, path)) files.set(p, e);
    else files.set(path, { size: entry.size ?? 0, unpacked: entry.unpacked === true });
  }
  return files;
}

function folderSize(folder) {
  return readdirSync(folder, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(folder, entry.name);
    return sum + (entry.isDirectory() ? folderSize(path) : statSync(path).size);
  }, 0);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// --- 1. The build and the stand-in Electron distribution ---------------------------------------
for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/pdf-worker.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(join(root, file))) {
    console.error(`${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
rmSync(work, { recursive: true, force: true });
mkdirSync(join(electronDist, 'locales'), { recursive: true });
mkdirSync(join(electronDist, 'resources'), { recursive: true });
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron: no binary on this machine" >&2\nexit 1\n'), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]));
chmodSync(join(electronDist, 'electron'), 0o755);
writeFileSync(join(electronDist, 'version'), electronVersion);
writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
for (const locale of ['pl', 'en-US', 'de', 'uk']) writeFileSync(join(electronDist, 'locales', `${locale}.pak`), 'stand-in');

// --- 2. electron-builder --dir, with the project's configuration -------------------------------
// npmRebuild off: rebuilding the SQLite binding for Electron needs Electron's headers (internet).
const started = Date.now();
const builder = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-builder', 'cli.js'), '--dir', '--linux', '--x64', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`],
  { cwd: root, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
);
if (builder.status !== 0) {
  console.error(builder.stdout, builder.stderr);
  console.error('electron-builder failed');
  process.exit(1);
}

// --- 3. What was packaged ----------------------------------------------------------------------
const resources = join(appDir, 'resources');
const asar = join(resources, 'app.asar');
check(existsSync(asar), 'resources/app.asar is missing');
const files = existsSync(asar) ? asarFiles(readAsar(asar).header) : new Map();
const paths = [...files.keys()];

for (const file of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/electron/pdf-worker.cjs', '/dist/renderer/index.html']) {
  check(files.has(file), `app.asar lacks ${file}`);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
check(pkg.main === 'dist/electron/main.cjs', `package.json main is ${pkg.main}`);
const html = readFileSync(join(root, 'dist', 'renderer', 'index.html'), 'utf8');
for (const [, asset] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) check(files.has(`/dist/renderer/${asset}`), `app.asar lacks the renderer's ${asset}`);

const ours = paths.filter((path) => !path.startsWith('/node_modules/'));
const forbidden = [
  [paths, /\.map$/, 'a source map'],
  [ours, /^\/test\//, 'the tests'],
  [ours, /^\/\.tmp\//, '.tmp/'],
  [ours, /^\/(electron|renderer|shared|scripts)\//, 'source code'],
  [ours, /(?<!\.d)\.tsx?$/, 'a TypeScript file'],
  [ours, /^\/(\.native|release|test-results|build)\//, 'build material'],
  [paths, /^\/node_modules\/(electron|electron-builder|vite|vitest|typescript|tsx|playwright-core|eslint|pdfjs-dist|fast-check)\//, 'a development package'],
];
for (const [list, pattern, what] of forbidden) {
  const shipped = list.filter((path) => pattern.test(path));
  check(shipped.length === 0, `app.asar ships ${what}: ${shipped.slice(0, 5).join(', ')}`);
}

// Every require() of the bundles resolves inside the asar (Node's built-ins and electron aside).
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'electron']);
for (const bundle of ['main.cjs', 'pdf-worker.cjs']) {
  const source = readFileSync(join(root, 'dist', 'electron', bundle), 'utf8');
  for (const [, request] of source.matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
    if (builtins.has(request)) continue;
    const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
    check(files.has(`/node_modules/${name}/package.json`), `${bundle} requires ${request}, which is not in app.asar`);
  }
}

// The SQLite binding: unpacked (Node cannot dlopen from inside an asar).
const bindings = paths.filter((path) => path.endsWith('/better_sqlite3.node'));
check(bindings.length > 0, 'app.asar has no better_sqlite3.node');
for (const path of bindings) {
  check(files.get(path)?.unpacked === true, `${path} is not marked unpacked`);
  check(existsSync(join(resources, 'app.asar.unpacked', path)), `${path} is not in app.asar.unpacked`);
}

const unpackedSources = paths.filter((path) => files.get(path)?.unpacked && /\.(c|cc|cpp|h)$/.test(path));
check(unpackedSources.length === 0, `C sources are shipped unpacked: ${unpackedSources.slice(0, 3).join(', ')}`);

// Fonts for the PDF worker, on disk.
const fontSource = join(root, 'electron', 'pdf', 'fonts');
// The sRGB profile of the documents' PDF/A output intent (electron/pdf/pdfa.ts) ships beside them.
const fontsWanted = readdirSync(fontSource).filter((name) => /\.(ttf|otf|icc)$/i.test(name));
for (const font of fontsWanted) check(existsSync(join(resources, 'fonts', font)), `resources/fonts lacks ${font}`);

// The PDF worker from the packaged layout: the asar's files written out to a folder outside the
// repository (so that nothing resolves from the repository's node_modules), the worker started from
// there with resources/fonts, fonts loaded and documents rendered.
const layout = mkdtempSync(join(tmpdir(), 'asysta-layout-'));
try {
  extractAsar(asar, layout);
  // Every document of the PDF fixtures (test/fixtures/pdf/models.ts, kept in step with the models).
  const probeFile = join(layout, 'probe.mts');
  writeFileSync(
    probeFile,
    `
    import { Worker } from 'node:worker_threads';
    import { allDocuments } from ${JSON.stringify(pathToFileURL(join(root, 'test', 'fixtures', 'pdf', 'models.ts')).href)};
    const worker = new Worker(${JSON.stringify(join(layout, 'dist', 'electron', 'pdf-worker.cjs'))}, {
      workerData: { fontDir: ${JSON.stringify(join(resources, 'fonts'))} }, env: { NODE_ENV: 'production' }, execArgv: [] });
    const answers = new Map();
    worker.on('message', (m) => { if (m.type === 'done' || m.type === 'failed') answers.get(m.id)?.(m); });
    worker.on('error', (e) => { console.log(JSON.stringify({ error: String((e && e.stack) || e) })); process.exit(1); });
    const ask = (message) => new Promise((resolve) => { answers.set(message.id, resolve); worker.postMessage(message); });
    const warm = await ask({ type: 'warm-up', id: 0 });
    const failed = [];
    let rendered = 0;
    for (const [i, { name, request }] of allDocuments.entries()) {
      const answer = await ask({ type: 'render', id: i + 1, request });
      const bytes = answer.bytes ? Buffer.from(answer.bytes) : Buffer.alloc(0);
      if (answer.type === 'done' && bytes.subarray(0, 5).toString('latin1') === '%PDF-') rendered += 1;
      else failed.push({ name, failure: answer.failure ?? null });
    }
    console.log(JSON.stringify({ warm: warm.type, rendered, failed }));
    await worker.terminate();
    `,
  );
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href, probeFile], {
    cwd: layout,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '' },
    timeout: 300_000,
  });
  const answer = (() => {
    try {
      return JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
    } catch {
      return { error: `${run.stdout}\n${run.stderr}`.trim() };
    }
  })();
  check(answer.warm === 'done' && answer.rendered > 0 && answer.failed?.length === 0, `the PDF worker does not work from the packaged layout: ${JSON.stringify(answer).slice(0, 800)}`);
  if (answer.rendered > 0) console.log(`PDF worker from the packaged layout: fonts loaded, ${answer.rendered} documents rendered`);
} finally {
  rmSync(layout, { recursive: true, force: true });
}

// Chromium's locales: Polish and the English fallback only (electronLanguages).
const locales = readdirSync(join(appDir, 'locales')).sort();
check(JSON.stringify(locales) === JSON.stringify(['en-US.pak', 'pl.pak']), `locales shipped: ${locales.join(', ')}`);

// The fuses, as flipped in the binary.
const binary = join(appDir, pkg.name);
check(existsSync(binary), `the app's executable ${pkg.name} is missing`);
const fuses = existsSync(binary) ? readFuses(binary) : null;
check(fuses !== null, 'no fuse wire in the packaged binary');
for (const [fuse, state] of Object.entries(EXPECTED_FUSES)) {
  check(fuses?.[fuse] === state, `fuse ${fuse} is ${fuses?.[fuse]}, should be ${state}`);
}

// --- 4. Figures ----------------------------------------------------------------------------------
const unpackedSize = folderSize(appDir) - statSync(binary).size;
console.log(`electron-builder --dir: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`app.asar: ${mb(statSync(asar).size)} (${files.size} files)`);
console.log(`app.asar.unpacked: ${mb(folderSize(join(resources, 'app.asar.unpacked')))}`);
console.log(`resources/fonts: ${mb(folderSize(join(resources, 'fonts')))}`);
console.log(`unpacked app without Electron's binary: ${mb(unpackedSize)}`);
if (failures.length > 0) {
  console.error(`\nPackaging check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('Packaging check passed.');
