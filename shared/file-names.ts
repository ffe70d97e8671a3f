/**
 * File names the app writes or suggests (documents for the viewer, court exports, CSV/XLSX
 * downloads, backups) pass through here (issue 14). Text typed by users (a court's sygnatura, a
 * sub-programme's name) ends up in them, and a bidi override there makes "Kowalski\u202Efdp.exe"
 * show as "Kowalskiexe.pdf" in Explorer; a control character or a reserved name breaks the save.
 */

/**
 * What never reaches a file name: C0 and C1 controls (\p{Cc}), every format character (\p{Cf}:
 * the bidi embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, marks U+200E/U+200F
 * and U+061C, zero-width characters, the BOM, soft hyphens), and the line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
/** Characters Windows refuses in a name, and both path separators. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Device names Windows refuses whatever the extension ("NUL.pdf"). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;
/** Well under every file system's limit, with room for a folder path on Windows. */
export const FILE_NAME_MAX = 120;

/**
 * A whole file name ("kontrakt-socjalny-12-2026.pdf"), safe on Windows, macOS and Linux: the
 * characters above removed, separators and reserved characters turned into "-", no leading dot
 * (hidden, or "..") and no trailing dot or space (Windows drops them), at most FILE_NAME_MAX
 * characters keeping the extension; `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'plik'): string {
  let cleaned = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.\-_]+/, '')
    .replace(/[\s.]+$/, '');
  if (cleaned === '') cleaned = fallback;
  if (WINDOWS_DEVICE.test(cleaned)) cleaned = `_${cleaned}`;
  const chars = Array.from(cleaned);
  if (chars.length > FILE_NAME_MAX) {
    const dot = cleaned.lastIndexOf('.');
    const extension = dot > 0 && cleaned.length - dot <= 10 ? Array.from(cleaned.slice(dot)) : [];
    cleaned = [...chars.slice(0, FILE_NAME_MAX - extension.length), ...extension].join('').replace(/[\s.]+(\.[^.]*)?$/, '$1');
  }
  return cleaned;
}

/** A piece of a file name made of typed text: "III Nsm 123/25" → "III_Nsm_123-25" (safeFileName's rules, words joined by "_"). */
export function sanitizeFileName(value: string, fallback = 'akta'): string {
  const cleaned = value
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .trim()
    .replace(/[/\\]+/g, '-')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, '_')
    .replace(/^[.\-_]+/, '')
    .slice(0, 80)
    .replace(/[.\-_]+$/, '');
  return cleaned === '' ? fallback : cleaned;
}
