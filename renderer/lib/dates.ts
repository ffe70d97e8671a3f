/**
 * Calendar dates in the forms: stored as ISO 'YYYY-MM-DD' (shared/domain/dates.ts), typed and
 * shown as 'DD.MM.RRRR', the way Polish offices write them.
 */
import dayjs from 'dayjs';
import { compare, formatIsoDate, formatPolishDate, isRealDate, isValidIsoDate, toParts, type IsoDate } from '../../shared/domain/dates';

/** Today on this computer, as an ISO date (the main process checks dates against its own clock). */
export function todayIso(): IsoDate {
  return dayjs().format('YYYY-MM-DD');
}

/** '17.04.1991', '17.4.1991', '17-04-1991' or '1991-04-17' → ISO; null when it is no real day. */
export function parsePolishDate(text: string): IsoDate | null {
  const value = text.trim();
  if (isValidIsoDate(value)) return value;
  const match = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(value);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? formatIsoDate(year, month, day) : null;
}

export type DateReading = { ok: true; date: IsoDate | null } | { ok: false; message: string };

/**
 * A typed date with the reason it is refused: not a date, no such day, outside the field's
 * range. Empty is fine (null): whether the date is required is the form's rule.
 */
export function readDate(text: string, bounds: { minDate?: IsoDate | undefined; maxDate?: IsoDate | undefined } = {}): DateReading {
  const value = text.trim();
  if (value === '') return { ok: true, date: null };
  const date = parsePolishDate(value);
  if (!date) {
    const match = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4})$/.exec(value) ?? /^\d{4}-\d{2}-\d{2}$/.exec(value);
    if (match) return { ok: false, message: `Nie ma takiego dnia w kalendarzu: ${value}.` };
    if (/^\d{1,2}[.\-/ ]\d{1,2}[.\-/ ]\d{2}$/.test(value)) return { ok: false, message: 'Wpisz rok czterema cyframi, np. 17.04.1991.' };
    return { ok: false, message: 'Wpisz datę jako DD.MM.RRRR, np. 17.04.1991.' };
  }
  if (bounds.maxDate && compare(date, bounds.maxDate) > 0) {
    return {
      ok: false,
      message: bounds.maxDate === todayIso() ? `Data nie może być z przyszłości (dziś jest ${formatPolishDate(bounds.maxDate)}).` : `Data nie może być późniejsza niż ${formatPolishDate(bounds.maxDate)}.`,
    };
  }
  if (bounds.minDate && compare(date, bounds.minDate) < 0) return { ok: false, message: `Data nie może być wcześniejsza niż ${formatPolishDate(bounds.minDate)}.` };
  return { ok: true, date };
}

/** 'DD.MM.RRRR', or a dash for no date. */
export function polishDate(date: IsoDate | null | undefined): string {
  return date && isValidIsoDate(date) ? formatPolishDate(date) : '—';
}

/** Full years between a birth date and a day (the birthday itself counts). */
export function ageInYears(birthDate: IsoDate, on: IsoDate): number {
  const birth = toParts(birthDate);
  const day = toParts(on);
  const hadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}
