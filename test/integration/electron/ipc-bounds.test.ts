/**
 * Valid but huge input (issue 14, Medium 9): every channel, sent an input of its own schema's shape
 * with every text millions of characters long and every list and record one item over its limit,
 * answers with a Polish VALIDATION error — never a crash, an English message or a stored record.
 * The schemas' bounds themselves are checked in test/unit/shared/ipc-bounds.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../shared/ipc';
import type { Result } from '../../../shared/result';
import { setUpOffice, testBackend, type TestBackend } from '../../support/backend';
import { oversizedInput } from '../../support/schema-bounds';

let t: TestBackend;
afterEach(async () => t?.cleanup());

/** zod's English words, or a type name: none may reach the user. */
const ENGLISH = /\b(expected|received|invalid|too big|too small|string|array|object|undefined)\b/i;

describe('huge input to every channel (issue 14)', () => {
  it('is refused in Polish, as VALIDATION, and the app answers on', async () => {
    t = testBackend();
    await setUpOffice(t);
    const audited = async () => (await t.call('audit:list', { limit: 1000 })).length;
    const before = await audited();
    let refused = 0;
    for (const name of Object.keys(channels) as Channel[]) {
      const schema = channels[name].input;
      const input = oversizedInput(schema);
      // A channel with nothing to overfill (only ids, dates, choices) gets an input within bounds.
      if (schema.safeParse(input).success) continue;
      const result = (await t.backend.invoke(name, input)) as Result<unknown>;
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, `${name}: ${result.error.message}`).toBe('VALIDATION');
      expect(result.error.message, name).toMatch(/^Popraw dane: /);
      expect(result.error.message, name).not.toMatch(ENGLISH);
      expect(result.error.message.length, name).toBeLessThan(500);
      refused += 1;
    }
    // Most channels carry some text, list or record (so the loop above checked something).
    expect(refused).toBeGreaterThan(Object.keys(channels).length / 2);
    expect((await t.call('app:status', {})).state).toBe('ready');
    expect(await audited()).toBe(before);
  });
});
