import { describe, expect, it } from 'vitest';
import {
  NBSP,
  bySex,
  countOf,
  familyName,
  familySizeSentence,
  formatZl,
  formatDateLong,
  formatDateShort,
  formatPercent,
  PERSONS,
  relationOf,
  shorten,
  typeset,
  verbForCount,
} from '../../../shared/polish';

/** Shows non-breaking spaces as "~" so that the expectations read like the rules. */
const tilde = (text: string): string => text.replaceAll(NBSP, '~');

describe('Polish numerals', () => {
  it('takes the noun form of the number: 1 osoba, 2–4 osoby, 5+ osób, 12–14 osób, 22 osoby', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 102, 112].map((n) => tilde(countOf(n, PERSONS)))).toEqual([
      '1~osoba',
      '2~osoby',
      '4~osoby',
      '5~osób',
      '11~osób',
      '12~osób',
      '14~osób',
      '21~osób',
      '22~osoby',
      '25~osób',
      '102~osoby',
      '112~osób',
    ]);
  });

  it('makes the verb agree with the numeral: wchodzi 1 osoba, wchodzą 3 osoby, wchodzi 5 osób', () => {
    expect(tilde(familySizeSentence(1))).toBe('W skład rodziny wchodzi 1~osoba');
    expect(tilde(familySizeSentence(3))).toBe('W skład rodziny wchodzą 3~osoby');
    expect(tilde(familySizeSentence(5))).toBe('W skład rodziny wchodzi 5~osób');
    expect(tilde(familySizeSentence(13))).toBe('W skład rodziny wchodzi 13~osób');
    expect(verbForCount(24, 'jest', 'są')).toBe('są');
  });
});

describe('Polish forms of amounts, percentages and dates', () => {
  it('prints amounts as "1 964,34 zł" with non-breaking spaces', () => {
    expect(tilde(formatZl(196_434))).toBe('1~964,34~zł');
    expect(tilde(formatZl(5))).toBe('0,05~zł');
    expect(tilde(formatZl(123_456_789))).toBe('1~234~567,89~zł');
  });

  it('prints percentages as "47,74 %"', () => {
    expect(tilde(formatPercent(47.74))).toBe('47,74~%');
    expect(tilde(formatPercent(100))).toBe('100,00~%');
    expect(() => formatPercent(Number.NaN)).toThrow();
  });

  it('prints dates as "1 czerwca 2026 r." in running text and 01.06.2026 in tables', () => {
    expect(tilde(formatDateLong('2026-06-01'))).toBe('1~czerwca 2026~r.');
    expect(tilde(formatDateLong('2025-12-31'))).toBe('31~grudnia 2025~r.');
    expect(formatDateShort('2026-06-01')).toBe('01.06.2026');
  });
});

describe('typeset', () => {
  it('ties one-letter words to the next word, so none ends a line', () => {
    expect(tilde(typeset('Matka i syn mieszkają w domu z babcią, a ojciec u siostry.'))).toBe(
      'Matka i~syn mieszkają w~domu z~babcią, a~ojciec u~siostry.',
    );
    expect(tilde(typeset('W domu i w szkole'))).toBe('W~domu i~w~szkole');
    expect(tilde(typeset('(z babcią) „i dalej”'))).toBe('(z~babcią) „i~dalej”');
  });

  it('keeps "2026 r.", numbers with units and articles with their numbers together', () => {
    expect(tilde(typeset('dnia 1 czerwca 2026 r. na podstawie art. 15 ust. 2 pkt 1'))).toBe('dnia 1 czerwca 2026~r. na podstawie art.~15 ust.~2 pkt~1');
    expect(tilde(typeset('wchodzą 3 osoby, dochód 100 zł, 47,74 %'))).toBe('wchodzą 3~osoby, dochód 100~zł, 47,74~%');
  });

  it('changes nothing but ordinary spaces and is idempotent', () => {
    const text = 'Linia pierwsza i\ndruga w\tśrodku';
    expect(typeset(text)).toBe('Linia pierwsza i\ndruga w\tśrodku');
    const once = typeset('a i o u w z A I O U W Z koniec');
    expect(typeset(once)).toBe(once);
    expect(once).not.toContain(' ');
  });
});

describe('people and families', () => {
  it('agrees with the person\'s sex', () => {
    expect(bySex('F', 'działający', 'działająca')).toBe('działająca');
    expect(bySex('M', 'został', 'została')).toBe('został');
  });

  it('names the relation by the person, never "partner / partnerka"', () => {
    expect(relationOf('partner', 'F')).toBe('partnerka');
    expect(relationOf('partner', 'M')).toBe('partner');
    expect(relationOf('grandparent', 'F')).toBe('babcia');
    expect(relationOf('unknown', 'F')).toBe('unknown');
  });

  it('names families as offices do', () => {
    expect(familyName('Kowalska')).toBe('Rodzina Kowalskich');
    expect(familyName('Nowak')).toBe('Rodzina Nowak');
    expect(familyName('Kowalska-Nowak')).toBe('Rodzina Kowalska-Nowak');
  });
});

describe('shorten', () => {
  it('never cuts a word in the middle', () => {
    const text = 'Rodzina zgłosiła się do ośrodka z prośbą o pomoc w opiece nad dziećmi po utracie pracy przez ojca.';
    const short = shorten(text, 40);
    expect(short.length).toBeLessThanOrEqual(41);
    expect(short.endsWith('…')).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text.charAt(short.length - 1)).toBe(' ');
    expect(shorten('krótki tekst', 40)).toBe('krótki tekst');
  });
});
