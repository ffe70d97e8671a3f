/**
 * Whether the server's data folder lies on an encrypted volume, where this can be told without
 * administrator tools: on Linux through sysfs — the folder's block device, or any device under it
 * (LVM on LUKS), is a device-mapper target whose uuid starts with "CRYPT-" (dm-crypt / LUKS).
 * Elsewhere (Windows' BitLocker, macOS, network or overlay file systems) the answer is "unknown".
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type VolumeEncryption = { state: 'encrypted'; device: string } | { state: 'not-encrypted'; device: string } | { state: 'unknown'; reason: string };

/** major:minor of the device holding `path` (Linux's dev_t encoding). */
export function deviceNumber(path: string): { major: number; minor: number } {
  const dev = statSync(path, { bigint: true }).dev;
  const major = Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
  const minor = Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
  return { major, minor };
}

/** Whether the block device major:minor is, or sits on, a dm-crypt device. `sys`: sysfs' root (tests pass a fake tree). */
export function blockDeviceEncryption(major: number, minor: number, sys = '/sys'): VolumeEncryption {
  const device = join(sys, 'dev', 'block', `${major}:${minor}`);
  if (major === 0 || !existsSync(device)) return { state: 'unknown', reason: 'folder nie leży na zwykłym dysku (system plików w pamięci, sieciowy lub nakładkowy)' };
  const seen = new Set<string>();
  const crypt = (dir: string): boolean => {
    if (seen.has(dir) || seen.size > 64) return false;
    seen.add(dir);
    const uuid = join(dir, 'dm', 'uuid');
    if (existsSync(uuid) && readFileSync(uuid, 'utf8').trim().startsWith('CRYPT-')) return true;
    // A partition's slaves are its disk's; device-mapper and md devices list what they sit on.
    for (const base of [dir, join(dir, '..')]) {
      const slaves = join(base, 'slaves');
      if (!existsSync(slaves)) continue;
      for (const slave of readdirSync(slaves)) if (crypt(join(slaves, slave))) return true;
    }
    return false;
  };
  const name = existsSync(join(device, 'dm', 'name')) ? readFileSync(join(device, 'dm', 'name'), 'utf8').trim() : `${major}:${minor}`;
  return crypt(device) ? { state: 'encrypted', device: name } : { state: 'not-encrypted', device: name };
}

export function volumeEncryption(path: string): VolumeEncryption {
  if (process.platform !== 'linux') {
    return { state: 'unknown', reason: process.platform === 'win32' ? 'sprawdź w Panelu sterowania: „Szyfrowanie dysków funkcją BitLocker”' : 'ten system nie jest sprawdzany' };
  }
  try {
    const { major, minor } = deviceNumber(path);
    return blockDeviceEncryption(major, minor);
  } catch {
    return { state: 'unknown', reason: 'nie udało się odczytać informacji o dysku' };
  }
}

/** The lines `server status` prints about it (always with the plain rule). */
export function volumeReport(encryption: VolumeEncryption): string[] {
  const state =
    encryption.state === 'encrypted'
      ? `tak (${encryption.device}: dm-crypt/LUKS)`
      : encryption.state === 'not-encrypted'
        ? `NIE — urządzenie ${encryption.device} nie jest zaszyfrowane`
        : `nie można ustalić (${encryption.reason})`;
  return [
    `Zaszyfrowany dysk: ${state}`,
    'Uwaga: folder danych serwera musi leżeć na zaszyfrowanym dysku (BitLocker w Windows Pro, LUKS w Linuksie) —',
    'serwer PostgreSQL nie szyfruje plików bazy; bez tego dane rodzin można odczytać z wyjętego dysku.',
  ];
}
