/**
 * Turns an entry's `details` into lines a head can read: a change as "field: before → after",
 * anything else as "field: value". Understands the shapes a change is commonly stored in:
 * `{ before: {...}, after: {...} }`, `{ changes: { field: [before, after] | { from, to } } }`
 * and `{ field: { from, to } }`.
 */
export type DetailLine =
  | { kind: 'change'; field: string; before: unknown; after: unknown }
  | { kind: 'value'; field: string; value: unknown };

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PAIRS = [
  ['before', 'after'],
  ['from', 'to'],
  ['old', 'new'],
] as const;

/** `[before, after]` when the value is a pair, otherwise null. */
function asPair(value: unknown): [unknown, unknown] | null {
  if (Array.isArray(value) && value.length === 2) return [value[0], value[1]];
  if (!isPlain(value)) return null;
  const keys = Object.keys(value);
  for (const [from, to] of PAIRS) {
    if (keys.length === 2 && from in value && to in value) return [value[from], value[to]];
  }
  return null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function detailLines(details: Record<string, unknown>): DetailLine[] {
  const lines: DetailLine[] = [];
  const rest: Plain = { ...details };

  const { before, after } = details;
  if (isPlain(before) && isPlain(after)) {
    delete rest.before;
    delete rest.after;
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const field of fields) {
      if (!same(before[field], after[field])) {
        lines.push({ kind: 'change', field, before: before[field], after: after[field] });
      }
    }
  }

  const { changes } = details;
  if (isPlain(changes)) {
    delete rest.changes;
    for (const [field, change] of Object.entries(changes)) {
      const pair = asPair(change);
      lines.push(pair ? { kind: 'change', field, before: pair[0], after: pair[1] } : { kind: 'value', field, value: change });
    }
  }

  for (const [field, value] of Object.entries(rest)) {
    const pair = isPlain(value) ? asPair(value) : null;
    // A "change" to the same value (e.g. a date saved again) is just the value.
    if (pair && same(pair[0], pair[1])) lines.push({ kind: 'value', field, value: pair[1] });
    else lines.push(pair ? { kind: 'change', field, before: pair[0], after: pair[1] } : { kind: 'value', field, value });
  }
  return lines;
}
