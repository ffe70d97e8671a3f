/**
 * Hostile input: random and malformed payloads sent to every channel of the channel map, as each
 * role and signed out. Every answer must be a clean Result, nothing may throw or crash the process,
 * no prototype may be polluted, and a refused call must change nothing: the database (all tables;
 * of the audit log, everything but the 'access.denied' entries that record the refusal), the key
 * slot file and the session.
 *
 * It runs on both engines (issue 18): on the embedded SQLite file and on the office server's
 * PostgreSQL. On the server the database is read behind the app (a superuser connection, all
 * rows, no row security) and the PC's own files are compared instead of the key slot file, which
 * a PC of the office server does not have.
 *
 * Payloads are built from each channel's own zod schema (its keys, with values of the right kind,
 * of a wrong kind, or junk), so that they reach past the first check, plus pure junk.
 * The seed is fixed (every run sends the same payloads) and printed at the start; ASYSTA_FUZZ_SEED
 * changes it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { THROTTLE_FILE } from '../../../electron/services/throttle';
import { isAbsolute, join } from 'node:path';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { CHANNEL_NAMES, channels, type Channel } from '../../../shared/ipc';
import { ERROR_CODES, type Result } from '../../../shared/result';
import { describeEngines, HEAD, setUpOffice, tempDir, testBackend, type Engine, type TestBackend } from '../../support/backend';
import { fuzzSeed } from '../../support/run-env';

const RUNS_PER_CHANNEL = 30;
const SEED = fuzzSeed();
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const HUGE = 'Ż'.repeat(1_000_000);

const ACCOUNTS: Record<Role, { login: string; password: string }> = {
  head: { login: HEAD.login, password: HEAD.password },
  social_worker: { login: 'fuzz-ps', password: 'Haslo-fuzz-ps-1' },
  family_assistant: { login: 'fuzz-ar', password: 'Haslo-fuzz-ar-1' },
};

// ---- payloads -----------------------------------------------------------------------------

/** Strings a form might send, and strings an attacker would. No real password is among them. */
const PLAUSIBLE = [
  '',
  ' ',
  'Jan',
  'Kowalski',
  'jkowalski',
  HEAD.login,
  'fuzz-ps',
  'Haslo-testowe-2026',
  '2026-03-02',
  '2026-02-30',
  '1990-05-12',
  '74-202',
  '90051200000',
  'social_worker',
  'head',
  'intake:new',
  'AAAA'.repeat(8),
  '/nie-ma/takiego/folderu',
  'C:\\Kopie',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE user; --",
  '\u0000',
  '\u202eodwrócony',
  '👨‍👩‍👧',
  '__proto__',
  'constructor',
  'prototype',
  HUGE,
];

const polluting = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": "tak"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "tak"}}}'),
  JSON.parse('{"__proto__": {"isAdmin": true, "roles": ["head"]}, "roles": ["head"]}'),
  { toString: 'x', valueOf: 'y', hasOwnProperty: 'z' },
);

const deep = (() => {
  let value: unknown = { a: 1 };
  for (let i = 0; i < 1000; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
})();

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, Number.NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 2, true, false, [], {}, HUGE, deep, new Array(10_000).fill('x')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.uuid(),
  fc.constantFrom(...PLAUSIBLE),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  polluting,
);

interface Def {
  type: string;
  [key: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A value of the schema's kind (often valid, often not), or junk. */
function valueFor(schema: unknown, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 4) return junk;
  const inner = (key: string) => valueFor(def[key], depth + 1);
  switch (def.type) {
    case 'string':
      return def['format'] === 'uuid' ? fc.oneof(fc.uuid(), fc.constant(MISSING_ID)) : fc.oneof(fc.constantFrom(...PLAUSIBLE), fc.string({ maxLength: 30 }));
    case 'number':
      return fc.oneof(fc.integer({ min: -3, max: 150 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, 2 ** 60));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, unknown>));
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'array':
      return fc.array(fc.oneof(inner('element'), junk), { maxLength: 4 });
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'I.A')), fc.oneof(inner('valueType'), junk), { maxKeys: 4 });
    case 'object':
      return objectFor(def, depth);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(inner('innerType'), fc.constantFrom(undefined, null));
    case 'pipe':
      return inner('in');
    case 'union':
      return fc.oneof(...(def['options'] as unknown[]).map((option) => valueFor(option, depth + 1)));
    default:
      return junk;
  }
}

/** The object's own keys, each with a value of its kind or junk, some left out, some extra keys. */
function objectFor(def: Def, depth: number): fc.Arbitrary<unknown> {
  const shape = def['shape'] as Record<string, unknown>;
  const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, fc.oneof({ weight: 8, arbitrary: valueFor(field, depth + 1) }, { weight: 1, arbitrary: junk })]));
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) }), fc.option(fc.oneof(fc.object({ maxDepth: 1 }), polluting), { nil: undefined })).map(([known, extra]) =>
    extra && typeof extra === 'object' ? Object.assign(Object.create(null) as object, extra, known) : known,
  );
}

function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: valueFor(channels[channel].input, 0) }, { weight: 1, arbitrary: junk });
}

/**
 * The one change made to hostile input: a string naming a folder that exists on this machine
 * (e.g. "/") is turned into one that does not, so that a fuzzed backup:run cannot write into it.
 */
function withoutRealPaths(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value === 'string') return isAbsolute(value) && existsSync(value) ? `${value}/nie-ma-takiego-folderu` : value;
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    const safe = withoutRealPaths(field, seen);
    if (safe !== field) Object.defineProperty(value, key, { value: safe, enumerable: true, writable: true, configurable: true });
  }
  return value;
}

// ---- state ----------------------------------------------------------------------------------

let t: TestBackend;
let backupDir = '';
/** The engine of the running block (describeEngines below). */
let engine: Engine = 'local';
/** On the server: a superuser connection to the office's database, to read it behind the app. */
let admin: pg.Client | null = null;

async function setUp(current: Engine): Promise<void> {
  engine = current;
  tally.clear();
  console.log(`fuzz seed: ${SEED} (ASYSTA_FUZZ_SEED to change), engine: ${engine}`);
  t = testBackend(undefined, { engine });
  await setUpOffice(t);
  if (engine === 'postgres') admin = await (await t.serverOffice!()).admin();
  backupDir = tempDir('asysta-fuzz-kopie-');
  await t.call('settings:update', { backupDir });
  await t.call('users:create', { firstName: 'Pracownica', lastName: 'Fuzz', ...ACCOUNTS.social_worker, roles: ['social_worker'] });
  await t.call('users:create', { firstName: 'Asystentka', lastName: 'Fuzz', ...ACCOUNTS.family_assistant, roles: ['family_assistant'] });
}

/** How the calls were answered (printed at the end: a fuzz that is refused at the first check tests little). */
const tally = new Map<string, number>();

async function tearDown(): Promise<void> {
  console.log(`fuzz answers [${engine}]: ${[...tally].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  await admin?.end();
  admin = null;
  await t.cleanup();
  rmSync(backupDir, { recursive: true, force: true });
}

type Who = Role | 'signed-out';

/** Puts the backend back in the state a run starts from (a fuzzed call may lock, log out, log in). */
async function ensure(who: Who): Promise<void> {
  const status = await t.call('app:status', {});
  const account = who === 'signed-out' ? null : ACCOUNTS[who];
  if (account && status.state === 'ready' && status.user?.login === account.login) return;
  if (who === 'signed-out' && (status.state === 'login' || status.state === 'setup')) return;
  // Past any delay that fuzzed wrong passwords have earned.
  t.clock.advance(61_000);
  if (account && status.state === 'locked' && status.user?.login === account.login) {
    await t.call('session:unlock', { password: account.password });
    return;
  }
  if (status.state !== 'login') await t.call('session:logout', {});
  if (account) await t.call('session:login', account);
}

function hash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The PC's own files (a server PC keeps its connection and no database in its data folder). */
function localFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(t.dataDir)
      .filter((f) => f !== THROTTLE_FILE && statSync(join(t.dataDir, f)).isFile())
      .map((f) => [`file:${f}`, createHash('sha256').update(readFileSync(join(t.dataDir, f))).digest('hex')]),
  );
}

/** The office's database on the server, every row of every table, read as a superuser. */
async function serverSnapshot(client: pg.Client): Promise<Record<string, string>> {
  const tables = (await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows;
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (name === 'audit_log') {
      out[name] = hash((await client.query(`SELECT * FROM audit_log WHERE action != 'access.denied' ORDER BY id`)).rows);
    } else if (name === 'setting') {
      // The chain's head moves with the 'access.denied' entry (a trigger keeps it, as on SQLite).
      out[name] = hash((await client.query(`SELECT * FROM setting WHERE key != 'audit.head' ORDER BY key`)).rows);
    } else {
      const rows = (await client.query(`SELECT * FROM "${name}"`)).rows as unknown[];
      out[name] = hash(rows.map((row) => JSON.stringify(row)).sort());
    }
  }
  return out;
}

/** What a refused call must leave as it was. */
async function snapshot(): Promise<Record<string, string>> {
  if (engine === 'postgres') {
    const status = await t.backend.status();
    const session = t.backend.readySession();
    // No key slot file on a server PC (its keys are the server's login roles): its own files instead.
    return { who: `${status.state}:${status.user?.login ?? ''}`, ...(session ? { settings: hash(session.settings) } : {}), ...localFiles(), ...(await serverSnapshot(admin!)) };
  }
  const keys = hash(readFileSync(t.backend.keysFile, 'utf8'));
  const session = t.backend.readySession();
  const status = await t.backend.status();
  const who = `${status.state}:${status.user?.login ?? ''}`;
  if (!session) {
    // Closed database: its files must not change (but the record of failed attempts, which a refused password adds to).
    const files = Object.fromEntries(readdirSync(t.dataDir).filter((f) => f !== THROTTLE_FILE).map((f) => [`file:${f}`, createHash('sha256').update(readFileSync(join(t.dataDir, f))).digest('hex')]));
    return { who, keys, ...files };
  }
  return session.db.read(async (m) => {
    const tables = (await m.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)) as { name: string }[];
    const out: Record<string, string> = { who, keys, settings: hash(session.settings) };
    for (const { name } of tables) {
      if (name === 'audit_log') {
        out[name] = hash(await m.query(`SELECT * FROM audit_log WHERE action != 'access.denied' ORDER BY id`));
      } else if (name === 'setting') {
        out[name] = hash(await m.query(`SELECT * FROM setting WHERE key != 'audit.head' ORDER BY key`));
      } else {
        // Order-free (FTS shadow tables have no rowid).
        const rows = (await m.query(`SELECT * FROM "${name}"`)) as unknown[];
        out[name] = hash(rows.map((row) => JSON.stringify(row)).sort());
      }
    }
    return out;
  });
}

function expectClean(result: unknown, context: string): asserts result is Result<unknown> {
  expect(result, context).toBeTypeOf('object');
  const r = result as Result<unknown>;
  expect(typeof r.ok, context).toBe('boolean');
  if (r.ok) {
    expect(Object.keys(r).sort(), context).toEqual(['ok', 'value']);
    // What crosses the bridge must survive Electron's structured clone.
    expect(() => structuredClone(r.value), context).not.toThrow();
    return;
  }
  expect(Object.keys(r).sort(), context).toEqual(['error', 'ok']);
  const { code, message, fields } = r.error;
  expect(ERROR_CODES, context).toContain(code);
  // An INTERNAL answer is a clean shape but means an exception nobody expected: a bug to fix.
  expect(code, `${context}: ${message}`).not.toBe('INTERNAL');
  expect(typeof message === 'string' && message.length > 0 && message.length < 2000, context).toBe(true);
  // Polish, and nothing from inside the program (a stack, a path, SQL, an English library message).
  expect(message, context).not.toMatch(/\.ts:\d|node_modules|SQLITE_|TypeError|\b(Invalid|Expected|Required|Unrecognized|Too (big|small))\b/i);
  if (fields !== undefined) {
    for (const [key, text] of Object.entries(fields)) expect(typeof key === 'string' && typeof text === 'string', context).toBe(true);
  }
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

describeEngines('fuzz', (current) => {
  beforeAll(() => setUp(current));
  afterAll(() => tearDown());

  describe.each<Who>(['signed-out', ...ROLES])('fuzz as %s', (who) => {
    it.each([...CHANNEL_NAMES])('%s answers every payload cleanly; a refusal changes nothing', async (channel) => {
      const seed = SEED + CHANNEL_NAMES.indexOf(channel) * 7 + ['signed-out', ...ROLES].indexOf(who) * 1_000;
      await fc.assert(
        fc.asyncProperty(payloadFor(channel), async (payload) => {
          await ensure(who);
          // A sign-in starts the due backup beside its answer: let it finish before comparing.
          await t.backend.loginBackup;
          const input = withoutRealPaths(payload);
          const before = await snapshot();
          let result: unknown;
          try {
            result = await t.backend.invoke(channel, input);
          } catch (error) {
            throw new Error(`${channel} threw instead of answering: ${String(error)}`, { cause: error });
          }
          await t.backend.loginBackup;
          const context = `${channel} as ${who}`;
          expectClean(result, context);
          const answer = result.ok ? 'ok' : result.error.code;
          tally.set(answer, (tally.get(answer) ?? 0) + 1);
          if (!result.ok) expect(await snapshot(), `${context} was refused (${result.error.code}) but changed something`).toEqual(before);
          expect(Object.getOwnPropertyNames(Object.prototype).sort(), `${context}: Object.prototype`).toEqual(prototypeKeys);
          expect(({} as Record<string, unknown>)['polluted'], context).toBeUndefined();
        }),
        { numRuns: RUNS_PER_CHANNEL, seed, endOnFailure: true },
      );
    });
  });
});
