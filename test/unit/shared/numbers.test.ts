import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimal, parseDecimal, type DecimalRules } from '../../../shared/numbers';

const HA: DecimalRules = { scale: 4, min: 0, unit: 'ha' };
const ZL: DecimalRules = { scale: 2, unit: 'zł' };

const value = (text: string, rules: DecimalRules) => {
  const parsed = parseDecimal(text, rules);
  return parsed.ok ? parsed.value : parsed.message;
};

describe('parseDecimal', () => {
  it('reads Polish and English decimals as people type them', () => {
    expect(value('2,5', HA)).toBe(2.5);
    expect(value('12,75', HA)).toBe(12.75);
    expect(value('0.99', HA)).toBe(0.99);
    expect(value('2.5', HA)).toBe(2.5);
    expect(value(',5', HA)).toBe(0.5);
    expect(value('2,', HA)).toBe(2);
    expect(value('1 010,50', ZL)).toBe(1010.5);
    expect(value('1\u00a0010,50 zł', ZL)).toBe(1010.5);
    expect(value('  7 ha ', HA)).toBe(7);
    expect(value('', HA)).toBeNull();
    expect(value('   ', HA)).toBeNull();
  });

  it('gives integer units without float drift (grosze)', () => {
    const parsed = parseDecimal('1 010,29', ZL);
    expect(parsed.ok && parsed.units).toBe(101_029);
    const ha = parseDecimal('0,0001', HA);
    expect(ha.ok && ha.units).toBe(1);
  });

  it('refuses with a reason instead of dropping or rounding anything', () => {
    expect(value('1.010,50', ZL)).toMatch(/jednym przecinkiem/);
    expect(value('2,55555', HA)).toMatch(/najwyżej 4 cyfry po przecinku/);
    expect(value('1,234', ZL)).toMatch(/najwyżej 2 cyfry po przecinku/);
    expect(value('2,5', { scale: 0 })).toMatch(/całkowitą/);
    expect(value('-5', HA)).toMatch(/minus/);
    expect(value('2a', HA)).toMatch(/samą liczbę/);
    expect(value(',', HA)).toMatch(/Wpisz liczbę/);
    expect(value('11', { scale: 0, min: 1, max: 10 })).toBe('Wpisz najwyżej 10.');
    expect(value('0', { scale: 0, min: 1, max: 10 })).toBe('Wpisz co najmniej 1.');
  });

  it('never drops a digit: any accepted text holds exactly the digits typed (property)', () => {
    const typed = fc.stringMatching(/^[0-9 ,.a\-\u00a0]{0,14}$/);
    fc.assert(
      fc.property(typed, fc.integer({ min: 0, max: 4 }), (text, scale) => {
        const parsed = parseDecimal(text, { scale });
        if (!parsed.ok || parsed.units === null) return;
        const [whole = '', fraction = ''] = text.replace(/[\s\u00a0]/g, '').split(/[.,]/);
        expect(BigInt(parsed.units)).toBe(BigInt(whole || '0') * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, '0') || '0'));
        expect(fraction.length).toBeLessThanOrEqual(scale);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads any number however it is written: comma, point, grouped thousands (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(',', '.'), fc.boolean(), (units, scale, separator, group) => {
        const digits = String(units).padStart(scale + 1, '0');
        const whole = digits.slice(0, digits.length - scale);
        const fraction = digits.slice(digits.length - scale);
        const wholeText = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : whole;
        const text = scale > 0 ? `${wholeText}${separator}${fraction}` : wholeText;
        const parsed = parseDecimal(text, { scale });
        expect(parsed.ok && parsed.units).toBe(units);
        // What the field shows back reads as the same number.
        const shown = parsed.ok && parsed.value !== null ? formatDecimal(parsed.value, scale) : '';
        const again = parseDecimal(shown, { scale });
        expect(again.ok && again.units).toBe(units);
      }),
      { numRuns: 2000 },
    );
  });

  it('every step of typing a number digit by digit is accepted, and the last one is the number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(',', '.'), (units, scale, separator) => {
        const digits = String(units).padStart(scale + 1, '0');
        const text = `${digits.slice(0, digits.length - scale)}${separator}${digits.slice(digits.length - scale)}`;
        for (let i = 1; i <= text.length; i += 1) expect(parseDecimal(text.slice(0, i), { scale }).ok).toBe(true);
        const parsed = parseDecimal(text, { scale });
        expect(parsed.ok && parsed.units).toBe(units);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatDecimal', () => {
  it('writes the decimal comma, groups thousands, keeps only the decimals there are', () => {
    expect(formatDecimal(2.5, 4)).toBe('2,5');
    expect(formatDecimal(1010.5, 2)).toBe('1 010,5');
    expect(formatDecimal(1010.5, 2, { fixed: true })).toBe('1 010,50');
    expect(formatDecimal(12, 0)).toBe('12');
    expect(formatDecimal(0.0001, 4)).toBe('0,0001');
  });
});
