/**
 * Every input the main process accepts is bounded (issue 14, Medium 9): each text has a maximum
 * length, each list and record a maximum size, each number a range. Walks the schema of every
 * channel of the channel map, so a channel or field added without a bound fails here.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels } from '../../../shared/ipc';
import { boundedRecord, sequenceSchema, text } from '../../../shared/schemas';
import { unboundedPlaces } from '../../support/schema-bounds';

describe('bounds of every channel input (issue 14)', () => {
  it('every text, list, record and number of every channel has an upper bound', () => {
    const places = Object.entries(channels).flatMap(([name, channel]) => unboundedPlaces(channel.input, name));
    expect(places).toEqual([]);
  });

  it('the walk finds what has no bound, however deep (so the test above can fail)', () => {
    const schema = z.object({
      ok: text('Pole', 10),
      note: z.string().trim().optional(),
      tags: z.array(z.string().max(5)),
      rows: z.array(z.object({ n: z.number().int().min(0) })).max(3),
      extra: z.record(z.string().max(5), z.string().max(5)),
      counted: boundedRecord(z.string().max(5), z.string().max(5), 4, 'Za dużo.'),
      version: sequenceSchema(),
      any: z.unknown(),
      piped: z.string().transform((v) => v.length),
    });
    expect(unboundedPlaces(schema, 'x')).toEqual([
      'x.note: text without a maximum length',
      'x.tags: list without a maximum length',
      'x.rows[].n: number without a lower and an upper bound',
      'x.extra: record without a maximum number of entries (use boundedRecord)',
      'x.any: unknown cannot be checked for bounds',
      'x.piped: text without a maximum length',
    ]);
  });

  it('a bounded record refuses one entry too many, in Polish', () => {
    const schema = boundedRecord(z.string().max(5), z.string().max(5), 2, 'Za dużo części wywiadu.');
    expect(schema.safeParse({ a: '1', b: '2' }).success).toBe(true);
    expect(schema.safeParse({ a: '1', b: '2', c: '3' }).error?.issues[0]?.message).toBe('Za dużo części wywiadu.');
  });
});
