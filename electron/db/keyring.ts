/**
 * Key slots (format 2): one random 256-bit master key encrypts the database; each user's password
 * and the office's recovery code open a slot of their own. A slot holds an X25519 key pair:
 *
 *   scrypt(secret, salt) → key-encryption key → AES-256-GCM(slot's private key)
 *   master key → sealed to the slot's public key (ephemeral X25519 + HKDF + AES-256-GCM)
 *
 * so that the master key can be changed ("re-keyed") and sealed again to every remaining slot
 * without anybody's password. A switched-off account's slot is dropped and the database re-keyed:
 * an old copy of this file then opens only the old key, which no longer opens the database.
 *
 * Older master keys are kept in a history sealed under the current key, so that the office's own
 * older backups stay restorable by the office (and only by it). The whole file is covered by an
 * HMAC under a key derived from the master key; the audit chain's head is anchored here too.
 *
 * The slot file lives beside the database and holds nothing entered by a person: a user's slot is
 * found by an HMAC of her login under a random per-office salt, and every slot's GCM tags also
 * cover its identity (AAD), so slots cannot be swapped between users or offices.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  scrypt as scryptCb,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { canonicalJson } from '../services/audit';

export const MASTER_KEY_BYTES = 32;
const KEY_ID_BYTES = 16;

export interface ScryptParams {
  /** CPU/memory cost (a power of two). 2^16 with r = 8 uses 64 MiB and ~0.3 s on an office PC. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const b64 = z.string().regex(BASE64).max(400);
/** The history grows by 48 bytes a key change; some 45 000 changes fit. */
const sealed = z.object({ iv: b64, ct: z.string().regex(BASE64).max(3_000_000), tag: b64 });

const slotSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'recovery']),
  /** HMAC-SHA256(lookupSalt, login) for user slots; null for the recovery slot. */
  lookup: b64.nullable(),
  /** The user the slot belongs to (a random id, never a name). */
  userId: z.uuid().nullable(),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(2).max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64,
  }),
  /** The slot's X25519 public key (SPKI DER). */
  publicKey: b64,
  /** The slot's private key (PKCS#8 DER) under the secret's key. */
  iv: b64,
  ct: b64,
  tag: b64,
  /** The current master key sealed to the public key; epk is the ephemeral public key. */
  box: sealed.extend({ epk: b64 }),
});

const anchorSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/), at: z.iso.datetime() });

const keyringSchema = z.object({
  format: z.literal('asysta-keyslots'),
  version: z.literal(2),
  officeId: z.uuid(),
  lookupSalt: b64,
  /** Names the current master key (HKDF of it); backups carry the id of the key they were made with. */
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  slots: z.array(slotSchema).max(1000),
  /** Older master keys (id + key, 48 bytes each) sealed under the current key. */
  history: sealed.nullable(),
  /** The audit chain's head when the database was last closed or backed up. */
  anchor: anchorSchema.nullable(),
  /** HMAC over everything above, keyed from the master key. */
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Slot = z.infer<typeof slotSchema>;
export type Keyring = z.infer<typeof keyringSchema>;
export type AuditAnchor = z.infer<typeof anchorSchema>;
export type SlotIdentity = { kind: 'user'; login: string; userId: string } | { kind: 'recovery' };

function scrypt(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function derive(key: Buffer, info: string, length = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, length));
}

/** The id of a master key: 16 bytes of HKDF, in hex (reveals nothing of the key). */
export function keyIdOf(masterKey: Buffer): string {
  return derive(masterKey, 'asysta-key-id-v2', KEY_ID_BYTES).toString('hex');
}

function slotAad(keyring: Pick<Keyring, 'officeId'>, slot: Pick<Slot, 'id' | 'kind' | 'lookup' | 'userId' | 'publicKey'>): Buffer {
  return Buffer.from(['asysta-slot-v2', keyring.officeId, slot.id, slot.kind, slot.lookup ?? '', slot.userId ?? '', slot.publicKey].join('|'), 'utf8');
}

function boxAad(officeId: string, slotId: string, keyId: string): Buffer {
  return Buffer.from(['asysta-box-v2', officeId, slotId, keyId].join('|'), 'utf8');
}

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): { iv: string; ct: string; tag: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function gcmOpen(key: Buffer, box: { iv: string; ct: string; tag: string }, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function publicKeyOf(der: string): KeyObject {
  return createPublicKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'spki' });
}

function boxKey(shared: Buffer, epk: string, publicKey: string): Buffer {
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([Buffer.from(epk, 'base64'), Buffer.from(publicKey, 'base64')]), 'asysta-box-v2', 32));
  shared.fill(0);
  return key;
}

/** Seals the master key to a slot's public key. */
function sealTo(officeId: string, slot: Pick<Slot, 'id' | 'publicKey'>, masterKey: Buffer, keyId: string): Slot['box'] {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = ephemeral.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const key = boxKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(slot.publicKey) }), epk, slot.publicKey);
  try {
    return { epk, ...gcmSeal(key, masterKey, boxAad(officeId, slot.id, keyId)) };
  } finally {
    key.fill(0);
  }
}

function historyKey(masterKey: Buffer): Buffer {
  return derive(masterKey, 'asysta-key-history-v2');
}

function macKey(masterKey: Buffer): Buffer {
  return derive(masterKey, 'asysta-keyring-mac-v2');
}

function macOf(keyring: Omit<Keyring, 'mac'> & { mac?: string }, masterKey: Buffer): string {
  const { mac: _mac, ...body } = keyring;
  const key = macKey(masterKey);
  try {
    return createHmac('sha256', key).update(canonicalJson(body), 'utf8').digest('hex');
  } finally {
    key.fill(0);
  }
}

/** Recomputes the file's HMAC under the master key (every change goes through this). */
export function signed(keyring: Omit<Keyring, 'mac'> & { mac?: string }, masterKey: Buffer): Keyring {
  return { ...keyring, mac: macOf(keyring, masterKey) };
}

/** True when the file's HMAC holds under this master key (nobody without the key changed it). */
export function keyringIntact(keyring: Keyring, masterKey: Buffer): boolean {
  const expected = Buffer.from(macOf(keyring, masterKey), 'hex');
  const stored = Buffer.from(keyring.mac, 'hex');
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}

export function loginLookup(keyring: Pick<Keyring, 'lookupSalt'>, login: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(login.normalize('NFC').toLowerCase(), 'utf8').digest('base64');
}

/** A new office's keyring for its first master key (no slots yet). */
export function newKeyring(masterKey: Buffer): Keyring {
  return signed(
    {
      format: 'asysta-keyslots',
      version: 2,
      officeId: randomUUID(),
      lookupSalt: randomBytes(32).toString('base64'),
      keyId: keyIdOf(masterKey),
      slots: [],
      history: null,
      anchor: null,
    },
    masterKey,
  );
}

export function newMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}

/** Adds a slot for a secret (replacing the same identity's slot) and returns the signed keyring. */
export async function withSlot(keyring: Keyring, identity: SlotIdentity, secret: string, masterKey: Buffer, params: ScryptParams): Promise<Keyring> {
  const salt = randomBytes(16);
  const kek = await scrypt(secret, salt, params);
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const base =
    identity.kind === 'user'
      ? { id: randomUUID(), kind: 'user' as const, lookup: loginLookup(keyring, identity.login), userId: identity.userId, publicKey }
      : { id: randomUUID(), kind: 'recovery' as const, lookup: null, userId: null, publicKey };
  const privateDer = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  let wrapped: { iv: string; ct: string; tag: string };
  try {
    wrapped = gcmSeal(kek, privateDer, slotAad(keyring, base));
  } finally {
    kek.fill(0);
    privateDer.fill(0);
  }
  const slot: Slot = {
    ...base,
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
    ...wrapped,
    box: sealTo(keyring.officeId, base, masterKey, keyring.keyId),
  };
  const others = keyring.slots.filter((s) => (identity.kind === 'user' ? s.userId !== identity.userId : s.kind !== 'recovery'));
  return signed({ ...keyring, slots: [...others, slot] }, masterKey);
}

export function withoutUserSlot(keyring: Keyring, userId: string, masterKey: Buffer): Keyring {
  return signed({ ...keyring, slots: keyring.slots.filter((s) => s.userId !== userId) }, masterKey);
}

export function withAnchor(keyring: Keyring, anchor: AuditAnchor, masterKey: Buffer): Keyring {
  return signed({ ...keyring, anchor }, masterKey);
}

/** The older master keys, newest last; each with its id. The caller wipes the keys. */
export function keyHistory(keyring: Keyring, masterKey: Buffer): { keyId: string; key: Buffer }[] {
  if (!keyring.history) return [];
  const key = historyKey(masterKey);
  const plain = gcmOpen(key, keyring.history, Buffer.from(`asysta-history-v2|${keyring.officeId}|${keyring.keyId}`, 'utf8'));
  key.fill(0);
  if (!plain || plain.length % (KEY_ID_BYTES + MASTER_KEY_BYTES) !== 0) {
    throw new AppError('DB_CORRUPT', 'Historia kluczy w pliku kluczy Asysty jest uszkodzona. Przywróć dane z kopii zapasowej.');
  }
  const out: { keyId: string; key: Buffer }[] = [];
  for (let at = 0; at < plain.length; at += KEY_ID_BYTES + MASTER_KEY_BYTES) {
    out.push({ keyId: plain.subarray(at, at + KEY_ID_BYTES).toString('hex'), key: Buffer.from(plain.subarray(at + KEY_ID_BYTES, at + KEY_ID_BYTES + MASTER_KEY_BYTES)) });
  }
  plain.fill(0);
  return out;
}

/**
 * The keyring for a new master key: every slot's box sealed again (no password needed), the old
 * key added to the history, which is sealed under the new key. Nothing else changes.
 */
export function rekeyed(keyring: Keyring, oldKey: Buffer, newKey: Buffer): Keyring {
  const history = keyHistory(keyring, oldKey);
  history.push({ keyId: keyring.keyId, key: Buffer.from(oldKey) });
  const keyId = keyIdOf(newKey);
  const plain = Buffer.concat(history.flatMap((h) => [Buffer.from(h.keyId, 'hex'), h.key]));
  for (const h of history) h.key.fill(0);
  const hKey = historyKey(newKey);
  const sealedHistory = gcmSeal(hKey, plain, Buffer.from(`asysta-history-v2|${keyring.officeId}|${keyId}`, 'utf8'));
  hKey.fill(0);
  plain.fill(0);
  const slots = keyring.slots.map((slot) => ({ ...slot, box: sealTo(keyring.officeId, slot, newKey, keyId) }));
  return signed({ ...keyring, keyId, slots, history: sealedHistory }, newKey);
}

export function findUserSlot(keyring: Keyring, login: string): Slot | undefined {
  const lookup = Buffer.from(loginLookup(keyring, login), 'base64');
  return keyring.slots.find((s) => {
    if (s.kind !== 'user' || s.lookup === null) return false;
    const candidate = Buffer.from(s.lookup, 'base64');
    return candidate.length === lookup.length && timingSafeEqual(candidate, lookup);
  });
}

export function recoverySlot(keyring: Keyring): Slot | undefined {
  return keyring.slots.find((s) => s.kind === 'recovery');
}

export const TAMPERED_KEYS_MESSAGE = 'Plik kluczy Asysty został zmieniony poza programem albo jest uszkodzony. Przywróć dane z kopii zapasowej.';

/**
 * The master key, or null when the secret is wrong (the private key's GCM tag does not verify).
 * A slot whose secret is right but whose sealed key or file HMAC does not hold was tampered with:
 * that is refused with its own message, never taken for a wrong password.
 */
export async function openSlot(keyring: Keyring, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await scrypt(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  const privateDer = gcmOpen(kek, slot, slotAad(keyring, slot));
  kek.fill(0);
  if (!privateDer) return null;
  let key: Buffer | null;
  try {
    const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
    const shared = diffieHellman({ privateKey, publicKey: publicKeyOf(slot.box.epk) });
    const bKey = boxKey(shared, slot.box.epk, slot.publicKey);
    key = gcmOpen(bKey, slot.box, boxAad(keyring.officeId, slot.id, keyring.keyId));
    bKey.fill(0);
  } catch {
    key = null;
  } finally {
    privateDer.fill(0);
  }
  if (!key || key.length !== MASTER_KEY_BYTES || keyIdOf(key) !== keyring.keyId || !keyringIntact(keyring, key)) {
    key?.fill(0);
    throw new AppError('DB_CORRUPT', TAMPERED_KEYS_MESSAGE);
  }
  return key;
}

/** Spends the same scrypt time as a real slot, so that an unknown login is not told apart by timing. */
export async function burnScrypt(secret: string, params: ScryptParams): Promise<void> {
  (await scrypt(secret, randomBytes(16), params)).fill(0);
}

export async function readKeyring(file: string): Promise<Keyring | null> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('DB_CORRUPT', 'Nie można odczytać pliku kluczy Asysty. Sprawdź uprawnienia do folderu danych.');
  }
  return parseKeyring(raw);
}

/** Parses and checks a slot file's text (also the copy inside a backup). */
export function parseKeyring(raw: string): Keyring {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AppError('DB_CORRUPT', 'Plik kluczy Asysty jest uszkodzony. Przywróć dane z kopii zapasowej.');
  }
  const result = keyringSchema.safeParse(parsed);
  if (!result.success) {
    const format = (parsed as { format?: unknown } | null)?.format;
    throw format === 'asysta-keyslots'
      ? new AppError('DB_CORRUPT', 'Plik kluczy Asysty jest uszkodzony. Przywróć dane z kopii zapasowej.')
      : new AppError('DB_FOREIGN', 'W folderze danych jest plik, który nie pochodzi z Asysty.');
  }
  return result.data;
}

/** Atomic write: a crash leaves either the old or the new file, never half of one. */
export async function writeKeyring(file: string, keyring: Keyring): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(JSON.stringify(keyring, null, 2), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
}

/** A recovery code: 32 base32 characters (160 bits), printed in groups of four. */
export function newRecoveryCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(32);
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}

export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
