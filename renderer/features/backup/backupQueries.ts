/** Query keys and small formatters shared by the backup screens and the tray's backup card. */
export const BACKUP_STATUS_KEY = ['backup', 'status'] as const;

/** "12,4 MB", "830 kB", "512 B" — decimal units, as Windows Explorer's properties show them. */
export function formatBytes(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const text = unit === 0 ? String(value) : value.toLocaleString('pl-PL', { maximumFractionDigits: 1 });
  return `${text} ${units[unit]}`;
}

/** A SHA-256 in groups of 8, so that it can be compared with `certutil` by eye. */
export function groupedHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}
