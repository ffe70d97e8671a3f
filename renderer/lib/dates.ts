/**
 * Calendar dates in the forms: stored as ISO 'YYYY-MM-DD' (shared/domain/dates.ts), typed and
 * shown as 'DD.MM.RRRR', the way Polish offices write them.
 */
import dayjs from 'dayjs';
import { formatIsoDate, formatPolishDate, isRealDate, isValidIsoDate, toParts, type IsoDate } from '../../shared/domain/dates';

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
