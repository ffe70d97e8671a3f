/**
 * One config, four builds (chosen by --mode):
 * - default: the renderer (React) → dist/renderer, served to the window from app://
 * - main:    electron/main.ts     → dist/electron/main.cjs (Node, dependencies external)
 * - preload: electron/preload.ts  → dist/electron/preload.cjs (sandboxed preload: one file)
 * - pdf-worker: electron/pdf/worker.ts → dist/electron/pdf-worker.cjs (the PDF worker thread;
 *   react-pdf, and pdfkit through it, stay external in node_modules like main's dependencies)
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

const nodeExternals = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  // Dependencies stay in node_modules (electron-builder packs them; native ones are rebuilt
  // for Electron there). This also keeps pdfkit external, as react-pdf needs. Packages only the
  // renderer uses (React DOM, Mantine, …) are devDependencies: Vite bundles them into
  // dist/renderer, and the packaged app does not ship them a second time.
  ...Object.keys(pkg.dependencies).map((name) => new RegExp(`^${name}(/.*)?$`)),
];

function electronEntry(entry: string, fileName: string, external: (string | RegExp)[]): UserConfig {
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: false,
      target: 'node20',
      sourcemap: true,
      minify: false,
      ssr: entry,
      rollupOptions: {
        external,
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') {
    // The version the log records at start-up (electron/main.ts).
    return { ...electronEntry('electron/main.ts', 'main.cjs', nodeExternals), define: { __ASYSTA_VERSION__: JSON.stringify(pkg.version) } };
  }
  if (mode === 'pdf-worker') {
    return electronEntry('electron/pdf/worker.ts', 'pdf-worker.cjs', nodeExternals);
  }
  if (mode === 'preload') {
    // A sandboxed preload may require only 'electron': bundle everything else into it.
    const config = electronEntry('electron/preload.ts', 'preload.cjs', ['electron']);
    return { ...config, ssr: { noExternal: true } };
  }
  return {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: true,
    },
  };
});
