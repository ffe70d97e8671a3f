// `npm start`: builds the app, makes sure this PC has Electron's binary and a build of the
// encrypted-SQLite binding for Electron, then runs the app.
//
// - Electron's binary is fetched on first start when `npm install` skipped it
//   (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on build machines without that download host).
// - The SQLite binding in node_modules is built for Node (tests, CLI). Electron has its own ABI,
//   so a second build for Electron is kept in .native/electron-<version>/ and passed to the
//   database as `nativeBinding`; node_modules stays as it is and the tests keep working.
//   Packaged builds need none of this: electron-builder rebuilds native modules for Electron.
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(join(root, 'package.json'));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`\nNie udało się wykonać: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

// 1. Build renderer, main process, preload and the PDF worker (as `npm run build`).
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'main']);
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'preload']);
run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'pdf-worker']);

// 2. Electron's binary.
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log(`Pobieranie Electron ${electronVersion} (jednorazowo)…`);
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  run(process.execPath, [join(electronDir, 'install.js')], { env });
}

// 3. The SQLite binding built for this Electron.
const nativeDir = join(root, '.native', `electron-${electronVersion}`);
const binding = join(nativeDir, 'better_sqlite3.node');
if (!existsSync(binding)) {
  console.log(`Budowanie modułu bazy danych dla Electron ${electronVersion} (jednorazowo, kilka minut)…`);
  const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const work = join(root, '.native', 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(source, join(work, 'module'), { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
  const npmGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const gyp = existsSync(npmGyp) ? [process.execPath, [npmGyp]] : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'node-gyp']];
  const env = { ...process.env };
  // A machine-wide nodedir (npmrc) would make node-gyp build against Node's headers instead.
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  run(gyp[0], [...gyp[1], 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
    cwd: join(work, 'module'),
    env,
    shell: process.platform === 'win32',
  });
  mkdirSync(nativeDir, { recursive: true });
  copyFileSync(join(work, 'module', 'build', 'Release', 'better_sqlite3.node'), binding);
  rmSync(work, { recursive: true, force: true });
}

// 4. Run.
const electronBinary = require('electron');
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
