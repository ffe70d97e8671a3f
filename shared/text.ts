/** Polish plural forms: 1 klucz, 2–4 klucze (but 12–14 kluczy), 5+ kluczy. */
export function plural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n);
  if (abs === 1) return one;
  const units = abs % 10;
  const tens = abs % 100;
  return units >= 2 && units <= 4 && !(tens >= 12 && tens <= 14) ? few : many;
}

/** "3 klucze", "1 migracja", "12 wpisów". */
export function count(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}
