/**
 * The one canonical JSON of the app: object keys sorted at every level (by UTF-16 code units),
 * undefined fields left out, undefined elsewhere written as null, everything else as
 * JSON.stringify writes it. The same value always gives the same text.
 *
 * Hash-frozen: the audit chain's hashes (audit-chain.ts, and the office server's trigger that
 * mirrors it in SQL), the key-slot file's HMAC and the document register's model hashes are taken
 * over these bytes. Changing a single byte here breaks every existing chain — never edit it;
 * test/unit/electron/data/canonical-json.test.ts pins known outputs and a known hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
