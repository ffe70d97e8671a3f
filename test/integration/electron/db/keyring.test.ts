import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  TAMPERED_KEYS_MESSAGE,
  findUserSlot,
  formatRecoveryCode,
  keyHistory,
  keyIdOf,
  keyringIntact,
  rekeyed,
  signed,
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
    const keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-anny-1', master, FAST_SCRYPT);
    const slot = findUserSlot(keyring, 'ANowak')!;
    expect(slot).toBeDefined();
    expect((await openSlot(keyring, slot, 'haslo-anny-1'))?.equals(master)).toBe(true);
    expect(await openSlot(keyring, slot, 'haslo-anny-2')).toBeNull();
    expect(findUserSlot(keyring, 'bkowal')).toBeUndefined();
  });

  it('binds each slot to its owner: a slot moved to another user does not open', async () => {
    const master = newMasterKey();
    let keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-1-aaaa', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'user', login: 'bkowal', userId: USER_B }, 'haslo-2-bbbb', master, FAST_SCRYPT);
    const a = findUserSlot(keyring, 'anowak')!;
    const b = findUserSlot(keyring, 'bkowal')!;
    const forged = { ...b, iv: a.iv, ct: a.ct, tag: a.tag, kdf: a.kdf };
    expect(await openSlot(keyring, forged, 'haslo-1-aaaa')).toBeNull();
  });

  it('replaces a user slot on password change and removes it on deactivation', async () => {
    const master = newMasterKey();
    let keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'stare-haslo-1', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'recovery' }, 'ABCDABCDABCDABCDABCDABCDABCDABCD', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'user', login: 'anowak', userId: USER_A }, 'nowe-haslo-1', master, FAST_SCRYPT);
    expect(keyring.slots).toHaveLength(2);
    expect(await openSlot(keyring, findUserSlot(keyring, 'anowak')!, 'stare-haslo-1')).toBeNull();
    expect((await openSlot(keyring, recoverySlot(keyring)!, 'ABCDABCDABCDABCDABCDABCDABCDABCD'))?.equals(master)).toBe(true);
    expect(findUserSlot(withoutUserSlot(keyring, USER_A, master), 'anowak')).toBeUndefined();
  });

  it('re-keys without passwords: every slot opens the new key, the old key stays in the history', async () => {
    const master = newMasterKey();
    let keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-1-aaaa', master, FAST_SCRYPT);
    keyring = await withSlot(keyring, { kind: 'recovery' }, 'ABCDABCDABCDABCDABCDABCDABCDABCD', master, FAST_SCRYPT);
    const before = keyring;
    const next = newMasterKey();
    keyring = rekeyed(withoutUserSlot(keyring, USER_B, master), master, next);
    expect(keyring.keyId).toBe(keyIdOf(next));
    expect((await openSlot(keyring, findUserSlot(keyring, 'anowak')!, 'haslo-1-aaaa'))?.equals(next)).toBe(true);
    expect((await openSlot(keyring, recoverySlot(keyring)!, 'ABCDABCDABCDABCDABCDABCDABCDABCD'))?.equals(next)).toBe(true);
    expect(keyHistory(keyring, next).map((h) => h.keyId)).toEqual([keyIdOf(master)]);
    expect(keyHistory(keyring, next)[0]?.key.equals(master)).toBe(true);
    // The file from before still opens only the old key.
    expect((await openSlot(before, findUserSlot(before, 'anowak')!, 'haslo-1-aaaa'))?.equals(master)).toBe(true);
  });

  it('refuses a slot file changed without the key, with its own message (not "wrong password")', async () => {
    const master = newMasterKey();
    const keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-1-aaaa', master, FAST_SCRYPT);
    const moved = { ...keyring, anchor: { seq: 1, hash: 'a'.repeat(64), at: '2026-03-02T08:00:00.000Z' } };
    await expect(openSlot(moved, findUserSlot(moved, 'anowak')!, 'haslo-1-aaaa')).rejects.toThrow(TAMPERED_KEYS_MESSAGE);
    expect(keyringIntact(signed(moved, master), master)).toBe(true);
  });

  it('writes the file atomically and reads it back; it names no login', async () => {
    const dir = tempDir();
    const file = join(dir, 'k.json');
    const master = newMasterKey();
    const keyring = await withSlot(newKeyring(master), { kind: 'user', login: 'anowak', userId: USER_A }, 'haslo-anny-1', master, FAST_SCRYPT);
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
