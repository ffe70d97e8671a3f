import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findUserSlot,
  formatRecoveryCode,
  newKeyring,
  newMasterKey,
  newRecoveryCode,
  openSlot,
  readKeyring,
  recoverySlot,
  withSlot,
  withoutUserSlot,
  writeKeyring,
} from '../../../../electron/db/keyring';
import { FAST_SCRYPT, tempDir } from '../../../support/backend';

const USER_A = '11111111-1111-4111-8111-111111111111';
const USER_B = '22222222-2222-4222-8222-222222222222';

describe('key slots', () => {
  it('opens the master key with the right password only', async () => {
    const master = newMasterKey();
    const keyring = await withSlot(newKeyring(), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-anny-1', master, FAST_SCRYPT);
    const slot = findUserSlot(keyring, 'ANowak')!;
    expect(slot).toBeDefined();
    expect((await openSlot(keyring, slot, 'haslo-anny-1'))?.equals(master)).toBe(true);
    expect(await openSlot(keyring, slot, 'haslo-anny-2')).toBeNull();
    expect(findUserSlot(keyring, 'bkowal')).toBeUndefined();
  });

  it('binds each slot to its owner: a slot moved to another user does not open', async () => {
    const master = newMasterKey();
    let keyring = await withSlot(newKeyring(), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-1-aaaa', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'user', login: 'bkowal', userId: USER_B }, 'haslo-2-bbbb', master, FAST_SCRYPT);
    const a = findUserSlot(keyring, 'anowak')!;
    const b = findUserSlot(keyring, 'bkowal')!;
    const forged = { ...b, iv: a.iv, ct: a.ct, tag: a.tag, kdf: a.kdf };
    expect(await openSlot(keyring, forged, 'haslo-1-aaaa')).toBeNull();
  });

  it('replaces a user slot on password change and removes it on deactivation', async () => {
    const master = newMasterKey();
    let keyring = await withSlot(newKeyring(), { kind: 'user', login: 'anowak', userId: USER_A }, 'stare-haslo-1', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'recovery' }, 'ABCDABCDABCDABCDABCDABCDABCDABCD', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'user', login: 'anowak', userId: USER_A }, 'nowe-haslo-1', master, FAST_SCRYPT);
    expect(keyring.slots).toHaveLength(2);
    expect(await openSlot(keyring, findUserSlot(keyring, 'anowak')!, 'stare-haslo-1')).toBeNull();
    expect((await openSlot(keyring, recoverySlot(keyring)!, 'ABCDABCDABCDABCDABCDABCDABCDABCD'))?.equals(master)).toBe(true);
    expect(findUserSlot(withoutUserSlot(keyring, USER_A), 'anowak')).toBeUndefined();
  });

  it('writes the file atomically and reads it back; it names no login', async () => {
    const dir = tempDir();
    const file = join(dir, 'k.json');
    const keyring = await withSlot(newKeyring(), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-anny-1', newMasterKey(), FAST_SCRYPT);
    await writeKeyring(file, keyring);
    expect(await readKeyring(file)).toEqual(keyring);
    expect(readFileSync(file, 'utf8')).not.toContain('anowak');
    expect(await readKeyring(join(dir, 'missing.json'))).toBeNull();
  });

  it('makes recovery codes of 32 base32 letters, printed in groups of four', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[A-Z2-7]{32}$/);
    expect(formatRecoveryCode(code)).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expect(new Set(Array.from({ length: 50 }, newRecoveryCode)).size).toBe(50);
  });
});
