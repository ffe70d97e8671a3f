/**
 * Reads a zod 4 schema's own definition (`_zod.def`: its type, checks and inner schemas) to find
 * every place where valid input has no upper bound (issue 14, Medium 9), and builds inputs that
 * overstep every bound at once.
 */
import type { z } from 'zod';
import { recordLimits } from '../../shared/schemas';

type Schema = z.core.$ZodType;

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; value?: unknown; maximum?: unknown; length?: unknown } } }[];
  format?: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  options?: Schema[];
  left?: Schema;
  right?: Schema;
  items?: Schema[];
  rest?: Schema | null;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const def = (schema: Schema): Def => schema._zod.def as unknown as Def;
const checkNames = (schema: Schema): string[] => (def(schema).checks ?? []).map((c) => c._zod.def.check);
const LENGTH_LIMITS = ['max_length', 'length_equals'];
/** String formats whose pattern fixes the length (a uuid, an ISO date). */
const FIXED_FORMATS = ['uuid', 'guid', 'date'];

function maxLength(schema: Schema): number | null {
  for (const check of def(schema).checks ?? []) {
    const d = check._zod.def;
    if (d.check === 'max_length') return Number(d.maximum);
    if (d.check === 'length_equals') return Number(d.length);
  }
  return null;
}

/** Each place (a path like `interviews:save.segments{}`) where the input's size or value has no upper bound. */
export function unboundedPlaces(schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const d = def(schema);
  const inner = (child: Schema | undefined | null, at: string): string[] => (child ? unboundedPlaces(child, at, seen) : []);
  switch (d.type) {
    case 'string':
      return checkNames(schema).some((c) => LENGTH_LIMITS.includes(c)) || FIXED_FORMATS.includes(d.format ?? '') ? [] : [`${path}: text without a maximum length`];
    case 'number': {
      const checks = checkNames(schema);
      return checks.includes('greater_than') && checks.includes('less_than') ? [] : [`${path}: number without a lower and an upper bound`];
    }
    case 'array':
      return [...(checkNames(schema).some((c) => LENGTH_LIMITS.includes(c)) ? [] : [`${path}: list without a maximum length`]), ...inner(d.element, `${path}[]`)];
    case 'record':
      return [...(recordLimits.has(schema) ? [] : [`${path}: record without a maximum number of entries (use boundedRecord)`]), ...inner(d.keyType, `${path}{key}`), ...inner(d.valueType, `${path}{}`)];
    case 'object':
      return [...Object.entries(d.shape ?? {}).flatMap(([key, child]) => inner(child, `${path}.${key}`)), ...inner(d.catchall?._zod.def.type === 'never' ? null : d.catchall, `${path}.*`)];
    case 'union':
      return (d.options ?? []).flatMap((option, i) => inner(option, `${path}|${i}`));
    case 'intersection':
      return [...inner(d.left, path), ...inner(d.right, path)];
    case 'tuple':
      return [...(d.items ?? []).flatMap((item, i) => inner(item, `${path}[${i}]`)), ...inner(d.rest, `${path}[…]`)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(d.innerType, path);
    case 'pipe':
      // What the channel accepts is the pipe's input side; a transform's output is built by us.
      return inner(d.in, path);
    case 'lazy':
      return inner(d.getter?.(), path);
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'null':
    case 'undefined':
    case 'transform':
    case 'never':
      return [];
    default:
      // unknown, any, custom, map, set, bigint…: nothing the walker can prove bounded.
      return [`${path}: ${d.type} cannot be checked for bounds`];
  }
}

const HUGE_TEXT = 'Żółć '.repeat(400_000); // 2 000 000 characters
const A_UUID = '11111111-1111-4111-8111-111111111111';

/**
 * An input of the schema's shape that oversteps every bound: each text of the top level 2 million
 * characters, each nested text one over its limit, each list and record of the top level one item
 * over its limit (nested ones at a few items). Valid in form, huge in size; items are shared, so
 * the payload is large to parse, not to hold.
 */
export function oversizedInput(schema: Schema, depth = 0): unknown {
  const d = def(schema);
  switch (d.type) {
    case 'string':
      if (d.format === 'uuid' || d.format === 'guid') return A_UUID;
      if (d.format === 'date') return '2026-03-02';
      return depth === 0 ? HUGE_TEXT : 'ż'.repeat((maxLength(schema) ?? 25_000) + 1);
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'null':
      return null;
    case 'array': {
      const max = maxLength(schema) ?? 10_000;
      const length = depth === 0 ? Math.min(max + 1, 10_000) : Math.min(max, 5);
      const item = oversizedInput(d.element!, depth + 1);
      return Array.from({ length }, () => item);
    }
    case 'record': {
      const max = recordLimits.get(schema)?.maxEntries ?? 10_000;
      const value = oversizedInput(d.valueType!, depth + 1);
      const key = (i: number) => (def(d.keyType!).format === 'uuid' ? A_UUID.replace(/1{8}$/, i.toString(16).padStart(8, '0')) : `k${i}`);
      return Object.fromEntries(Array.from({ length: depth === 0 ? max + 1 : Math.min(max, 5) }, (_, i) => [key(i), value]));
    }
    case 'object':
      return Object.fromEntries(Object.entries(d.shape ?? {}).map(([key, child]) => [key, oversizedInput(child, depth)]));
    case 'union':
      return oversizedInput(d.options![0]!, depth);
    case 'intersection':
      return { ...(oversizedInput(d.left!, depth) as object), ...(oversizedInput(d.right!, depth) as object) };
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return oversizedInput(d.innerType!, depth);
    case 'pipe':
      return oversizedInput(d.in!, depth);
    case 'lazy':
      return oversizedInput(d.getter!(), depth);
    default:
      return undefined;
  }
}
