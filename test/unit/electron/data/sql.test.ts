import { describe, expect, it } from 'vitest';
import { numberedPlaceholders, sqlFor, toNumber, truthy } from '../../../../electron/data/sql';

describe('the SQL seam', () => {
  it('numbers the placeholders for PostgreSQL, leaving strings, identifiers and comments alone', () => {
    expect(numberedPlaceholders(`SELECT * FROM t WHERE a = ? AND b = '?' AND "c?" = ? -- why?\nAND d IN (?, ?)`)).toBe(
      `SELECT * FROM t WHERE a = $1 AND b = '?' AND "c?" = $2 -- why?\nAND d IN ($3, $4)`,
    );
  });

  it('keeps one text per engine as it is written', () => {
    const pair = { sqlite: 'SELECT json_each(?)', postgres: 'SELECT jsonb_array_elements($1::jsonb)' };
    expect(sqlFor('sqlite', pair)).toBe(pair.sqlite);
    expect(sqlFor('postgres', pair)).toBe(pair.postgres);
    expect(sqlFor('sqlite', 'SELECT ?')).toBe('SELECT ?');
    expect(sqlFor('postgres', 'SELECT ?')).toBe('SELECT $1');
  });

  it('reads flags and counts from either engine alike', () => {
    expect([1, true, '1', 't'].map(truthy)).toEqual([true, true, true, true]);
    expect([0, false, null, 'f'].map(truthy)).toEqual([false, false, false, false]);
    expect([3, '3', 3n, null].map(toNumber)).toEqual([3, 3, 3, 0]);
  });
});
