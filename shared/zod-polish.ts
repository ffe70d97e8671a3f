/**
 * zod's own messages in plain Polish, for a field without one of ours (a malformed payload, a
 * schema written without messages). No type names ("oczekiwano string"), no codes: a user who
 * meets one of these reads what is wrong in words. Installed once, in shared/schemas.ts, which
 * both the main process and the renderer load before any schema.
 */
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  string: 'tekstu',
  number: 'liczby',
  int: 'liczby całkowitej',
  bigint: 'liczby całkowitej',
  nan: 'liczby',
  boolean: 'odpowiedzi tak albo nie',
  object: 'danych formularza',
  array: 'listy',
  date: 'daty',
  null: 'pustego pola',
  undefined: 'pustego pola',
  file: 'pliku',
  map: 'danych formularza',
  set: 'listy',
  tuple: 'listy',
  record: 'danych formularza',
};

const FORMATS: Record<string, string> = {
  email: 'Nieprawidłowy adres e-mail.',
  url: 'Nieprawidłowy adres internetowy.',
  uuid: 'Nieprawidłowy identyfikator.',
  guid: 'Nieprawidłowy identyfikator.',
  date: 'Nieprawidłowa data.',
  datetime: 'Nieprawidłowa data i godzina.',
  time: 'Nieprawidłowa godzina.',
  starts_with: 'Nieprawidłowy początek tekstu.',
  ends_with: 'Nieprawidłowe zakończenie tekstu.',
  includes: 'Tekst nie zawiera wymaganej części.',
};

function limit(n: number | bigint): string {
  return n.toString();
}

/** The Polish message for one zod issue. */
export function polishZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Pole jest wymagane.';
      return `Nieprawidłowa wartość: oczekiwano ${EXPECTED[issue.expected] ?? 'innej wartości'}.`;
    case 'too_small': {
      const min = limit(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Pole jest wymagane.' : `Wpisz co najmniej ${min} znaków.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Wybierz co najmniej ${min}.`;
      return issue.inclusive === false ? `Wartość musi być większa niż ${min}.` : `Wartość musi wynosić co najmniej ${min}.`;
    }
    case 'too_big': {
      const max = limit(issue.maximum);
      if (issue.origin === 'string') return `Najwyżej ${max} znaków.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Najwyżej ${max} pozycji.`;
      return issue.inclusive === false ? `Wartość musi być mniejsza niż ${max}.` : `Wartość może wynosić najwyżej ${max}.`;
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'Nieprawidłowy format.';
    case 'not_multiple_of':
      return `Wartość musi być wielokrotnością ${limit(issue.divisor)}.`;
    case 'unrecognized_keys':
      return 'Dane zawierają nieznane pola.';
    case 'invalid_value':
      return issue.values.length === 1 ? 'Nieprawidłowa wartość.' : 'Wybierz jedną z dostępnych możliwości.';
    case 'invalid_union':
      return 'Nieprawidłowa wartość.';
    case 'invalid_key':
      return 'Nieprawidłowy klucz w danych.';
    case 'invalid_element':
      return 'Nieprawidłowa pozycja na liście.';
    default:
      return 'Nieprawidłowa wartość.';
  }
}
