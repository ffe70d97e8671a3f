/**
 * What the environment may change about a test run, read in one place: the fuzz seed and whether
 * the end-to-end tests keep screenshots as evidence. Both default to the quick, repeatable run.
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** The fuzz test's seed when ASYSTA_FUZZ_SEED is not set: every run sends the same payloads. */
export const DEFAULT_FUZZ_SEED = 20_260_302;

/** The seed of the fuzz test: ASYSTA_FUZZ_SEED (a whole number) or the fixed default. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['ASYSTA_FUZZ_SEED']?.trim();
  if (raw === undefined || raw === '') return DEFAULT_FUZZ_SEED;
  const seed = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(seed)) throw new Error(`ASYSTA_FUZZ_SEED must be a whole number, not "${raw}"`);
  return seed;
}

/** Where the tests put their evidence when it is kept (each test its own folder below). */
export const TEST_RESULTS = resolve('test-results');

/**
 * The folder a test's screenshots go to, or null when none are taken (the default). `dir` is the
 * test's own folder under test-results/. ASYSTA_SCREENSHOTS=1 keeps them there; any other value
 * but 0 is a folder that takes the place of test-results/ (the same subfolders below it).
 */
export function screenshotDir(dir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env['ASYSTA_SCREENSHOTS']?.trim() ?? '';
  if (raw === '' || raw === '0') return null;
  if (raw === '1') return resolve(dir);
  const below = relative(TEST_RESULTS, resolve(dir));
  if (below.startsWith('..') || isAbsolute(below)) throw new Error(`${dir} is not below ${TEST_RESULTS}`);
  return resolve(raw, below);
}
