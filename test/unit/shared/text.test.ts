import { describe, expect, it } from 'vitest';
import { count } from '../../../shared/text';

describe('Polish plurals', () => {
  it('chooses one / few / many as Polish does', () => {
    const forms = (n: number) => count(n, 'klucz', 'klucze', 'kluczy');
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112].map(forms)).toEqual([
      '0 kluczy', '1 klucz', '2 klucze', '4 klucze', '5 kluczy', '11 kluczy', '12 kluczy', '14 kluczy', '21 kluczy', '22 klucze', '25 kluczy', '102 klucze', '112 kluczy',
    ]);
  });
});
