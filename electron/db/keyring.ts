/**
 * Key slots: one random 256-bit master key encrypts the database; each user's password and the
 * office's recovery code open a slot of their own:
 *
 *   scrypt(secret, salt) → key-encryption key → AES-256-GCM(master key)
 *
 * The slot file lives beside the database and holds nothing entered by a person: a user's slot is
 * found by an HMAC of her login under a random per-office salt, and every slot's GCM tag also
 * covers its identity (AAD), so slots cannot be swapped between users or offices.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';

export const MASTER_KEY_BYTES = 32;

export interface ScryptParams {
  /** CPU/memory cost (a power of two). 2^16 with r = 8 uses 64 MiB and ~0.3 s on an office PC. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 16, r: 8, p: 1 };

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);

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
  iv: b64,
  ct: b64,
  tag: b64,
});

const keyringSchema = z.object({
  format: z.literal('asysta-keyslots'),
  version: z.literal(1),
  officeId: z.uuid(),
  lookupSalt: b64,
  slots: z.array(slotSchema).max(1000),
});

export type Slot = z.infer<typeof slotSchema>;
export type Keyring = z.infer<typeof keyringSchema>;

function scrypt(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 16 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function aad(keyring: Pick<Keyring, 'officeId'>, slot: Pick<Slot, 'id' | 'kind' | 'lookup' | 'userId'>): Buffer {
  return Buffer.from(['asysta-slot-v1', keyring.officeId, slot.id, slot.kind, slot.lookup ?? '', slot.userId ?? ''].join('|'), 'utf8');
}

export function loginLookup(keyring: Pick<Keyring, 'lookupSalt'>, login: string): string {
  return createHmac('sha256', Buffer.from(keyring.lookupSalt, 'base64')).update(login.normalize('NFC').toLowerCase(), 'utf8').digest('base64');
}

export function newKeyring(): Keyring {
  return { format: 'asysta-keyslots', version: 1, officeId: randomUUID(), lookupSalt: randomBytes(32).toString('base64'), slots: [] };
}

export function newMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}

/** Wraps the master key under a secret and returns the keyring with the slot added (replacing the same identity). */
export async function withSlot(
  keyring: Keyring,
  identity: { kind: 'user'; login: string; userId: string } | { kind: 'recovery' },
  secret: string,
  masterKey: Buffer,
  params: ScryptParams,
): Promise<Keyring> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await scrypt(secret, salt, params);
  const base =
    identity.kind === 'user'
      ? { id: randomUUID(), kind: 'user' as const, lookup: loginLookup(keyring, identity.login), userId: identity.userId }
      : { id: randomUUID(), kind: 'recovery' as const, lookup: null, userId: null };
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(keyring, base));
  const ct = Buffer.concat([cipher.update(masterKey), cipher.final()]);
  kek.fill(0);
  const slot: Slot = {
    ...base,
    kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
  const others = keyring.slots.filter((s) => (identity.kind === 'user' ? s.userId !== identity.userId : s.kind !== 'recovery'));
  return { ...keyring, slots: [...others, slot] };
}

export function withoutUserSlot(keyring: Keyring, userId: string): Keyring {
  return { ...keyring, slots: keyring.slots.filter((s) => s.userId !== userId) };
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

/** The master key, or null when the secret is wrong (the GCM tag does not verify). */
export async function openSlot(keyring: Keyring, slot: Slot, secret: string): Promise<Buffer | null> {
  const kek = await scrypt(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(aad(keyring, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.ct, 'base64')), decipher.final()]);
    return key.length === MASTER_KEY_BYTES ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
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
