// Entry of the PDF worker when it runs from TypeScript sources (tests, `npx tsx`): registers tsx
// in this thread, then loads the worker named in workerData.entry. Needed because Node 20 does
// not apply `--import tsx` from a Worker's execArgv to the worker's own entry module.
// The bundled app does not use this file: it starts dist/electron/pdf-worker.cjs directly.
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(workerData.entry).href);
