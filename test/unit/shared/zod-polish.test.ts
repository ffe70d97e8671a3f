/**
 * zod's own messages (a field without a message of ours, a malformed payload) are plain Polish:
 * never a type name such as "oczekiwano string", in the renderer and in the main process alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import '../../../shared/schemas';
import { idSchema } from '../../../shared/schemas';
import { personInputSchema } from '../../../shared/cases';

const TYPE_NAMES = /\b(string|number|boolean|object|array|undefined|null|NaN|bigint|instanceof|int|nan|Invalid|expected|received)\b/;

const bare = z.object({
  name: z.string(),
  age: z.number().int().min(0).max(130),
  tags: z.array(z.string().max(3)).max(2),
  kind: z.enum(['a', 'b']),
  when: z.iso.date(),
  mail: z.email(),
  ok: z.boolean(),
}).strict();

function messages(result: { success: boolean; error?: z.ZodError }): string[] {
  return result.success ? [] : (result.error?.issues.map((issue) => issue.message) ?? []);
}

describe('zod messages in Polish', () => {
  it('names what is wrong without type names', () => {
    const found = messages(bare.safeParse({ name: 5, age: 'x', tags: ['abcd', 'b', 'c'], kind: 'z', when: '2026-13-40', mail: 'nie', ok: 'tak', extra: 1 }));
    expect(found).toContain('Nieprawidłowa wartość: oczekiwano tekstu.');
    expect(found).toContain('Nieprawidłowa wartość: oczekiwano liczby.');
    expect(found).toContain('Najwyżej 2 pozycji.');
    expect(found).toContain('Wybierz jedną z dostępnych możliwości.');
    expect(found).toContain('Nieprawidłowa data.');
    expect(found).toContain('Nieprawidłowy adres e-mail.');
    expect(found).toContain('Nieprawidłowa wartość: oczekiwano odpowiedzi tak albo nie.');
    expect(found).toContain('Dane zawierają nieznane pola.');
    expect(messages(bare.safeParse({}))).toContain('Pole jest wymagane.');
    expect(messages(z.array(z.string().max(3)).safeParse(['abcd']))).toEqual(['Najwyżej 3 znaków.']);
    for (const message of found) expect(message).not.toMatch(TYPE_NAMES);
  });

  it('any value sent to a schema is answered in Polish (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const message of [...messages(bare.safeParse(a)), ...messages(personInputSchema.safeParse(b)), ...messages(idSchema.safeParse(a))]) {
          expect(message).not.toMatch(TYPE_NAMES);
          expect(message).toMatch(/[.!?]$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
