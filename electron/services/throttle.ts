/**
 * Guessing passwords at the sign-in screen (issue 14, Medium 3).
 *
 * - One password check at a time, app-wide: parallel attempts queue, and each one sees the delay
 *   the ones before it earned (50 parallel wrong passwords are one evaluated and 49 refused).
 * - A growing delay per login (1 s, 2 s, 4 s … a minute) and one over all logins after a few
 *   failures (an attacker who tries a new login each time is slowed down as well).
 * - The counters and the failed attempts not yet in the audit trail are kept in a file beside the
 *   slot file (`asysta.proby.json`), so a restart neither resets the delay nor loses the attempts:
 *   they reach the audit trail at the next sign-in. The attempts are encrypted and the file is
 *   covered by an HMAC, both keyed from the office's lookup salt: a file edited or emptied by hand
 *   is noticed (and recorded at the next sign-in) and starts at the longest delay.
 *
 * What this cannot do: someone who can copy the data folder can try passwords offline against the
 * slot file; that is bounded only by the scrypt cost of each guess (db/keyring.ts).
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { AuditInput } from './audit';
import { replaceFile } from './durable-files';

export const THROTTLE_FILE = 'asysta.proby.json';
const MAX_DELAY_MS = 60_000;
/** Failures over all logins before the office-wide delay starts. */
const OVERALL_FREE = 4;

/** Growing delay after failed passwords: 1 s, 2 s, 4 s … up to a minute. */
export function failureDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), MAX_DELAY_MS);
}

const counterSchema = z.object({ failures: z.number().int().min(0).max(1_000_000), blockedUntil: z.number() });
const fileSchema = z.object({
  format: z.literal('asysta-proby'),
  version: z.literal(1),
  keys: z.record(z.string().regex(/^[0-9a-f]{64}$/), counterSchema),
  overall: counterSchema,
  /** The attempts not yet in the audit trail, encrypted (AES-256-GCM): iv | tag | ciphertext, base64. */
  pending: z.string().max(20_000_000),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
type ThrottleFile = z.infer<typeof fileSchema>;
type Counter = z.infer<typeof counterSchema>;

interface State {
  keys: Map<string, Counter>;
  overall: Counter;
  pending: AuditInput[];
}

export class LoginThrottle {
  private tail: Promise<void> = Promise.resolve();
  private state: State | null = null;

  constructor(
    private readonly file: string,
    private readonly clock: Clock,
    /** The office's lookup salt (from the slot file); null before set-up. */
    private readonly salt: () => Promise<string | null>,
  ) {}

  /** Runs one password check at a time: `work` starts only when the one before it has finished. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Refuses while the login's delay or the office-wide one is running. */
  async check(key: string): Promise<void> {
    const state = await this.load();
    const now = this.clock.now().getTime();
    const until = Math.max(state.keys.get(hashed(key))?.blockedUntil ?? 0, state.overall.blockedUntil);
    // A delay beyond the longest one (the clock was set back) counts as the longest one.
    const wait = Math.min(until - now, MAX_DELAY_MS);
    if (wait > 0) throw new AppError('RATE_LIMITED', `Zbyt wiele nieudanych prób. Spróbuj ponownie za ${Math.ceil(wait / 1000)} s.`);
  }

  /** Records a failed attempt (and its audit entry, for the next sign-in); returns the delay it earned. */
  async failure(key: string, event: AuditInput): Promise<number> {
    const state = await this.load();
    const now = this.clock.now().getTime();
    const counter = state.keys.get(hashed(key)) ?? { failures: 0, blockedUntil: 0 };
    counter.failures += 1;
    counter.blockedUntil = now + failureDelayMs(counter.failures);
    state.keys.set(hashed(key), counter);
    state.overall.failures += 1;
    state.overall.blockedUntil = now + failureDelayMs(state.overall.failures - OVERALL_FREE);
    state.pending.push({ ...event, details: { ...event.details, at: this.clock.now().toISOString(), failures: counter.failures } });
    await this.save(state);
    return failureDelayMs(counter.failures);
  }

  /** A right password: that login's counter and the office-wide one start again. */
  async success(key: string): Promise<void> {
    const state = await this.load();
    const changed = state.keys.delete(hashed(key)) || state.overall.failures > 0;
    state.overall = { failures: 0, blockedUntil: 0 };
    if (changed) await this.save(state);
  }

  /** Forgets one login's failures (a kierownik set her a new password). */
  async forget(key: string): Promise<void> {
    const state = await this.load();
    if (state.keys.delete(hashed(key))) await this.save(state);
  }

  /** An event to record at the next sign-in (a sign-out from the lock screen). */
  async remember(event: AuditInput): Promise<void> {
    const state = await this.load();
    state.pending.push(event);
    await this.save(state);
  }

  /** The events waiting for the audit trail; `done` is called once they are written. */
  async pending(): Promise<{ events: AuditInput[]; done: () => Promise<void> }> {
    const state = await this.load();
    const events = [...state.pending];
    return {
      events,
      done: async () => {
        state.pending.splice(0, events.length);
        await this.save(state);
      },
    };
  }

  private async key(): Promise<Buffer | null> {
    const salt = await this.salt();
    return salt ? Buffer.from(hkdfSync('sha256', Buffer.from(salt, 'base64'), Buffer.alloc(0), 'asysta-throttle-v1', 32)) : null;
  }

  private async load(): Promise<State> {
    if (this.state) return this.state;
    const fresh: State = { keys: new Map(), overall: { failures: 0, blockedUntil: 0 }, pending: [] };
    const key = await this.key();
    if (!key || !existsSync(this.file)) {
      this.state = fresh;
      return fresh;
    }
    const parsed = readThrottleFile(this.file);
    const pending = parsed && macOk(parsed, key) ? decrypt(parsed.pending, key) : null;
    if (!parsed || !pending) {
      // Edited or damaged by hand: the longest delay, and a note for the audit trail.
      const now = this.clock.now().getTime();
      fresh.overall = { failures: OVERALL_FREE + 7, blockedUntil: now + MAX_DELAY_MS };
      fresh.pending.push({ actorId: null, action: 'session.throttle_tampered', details: { at: this.clock.now().toISOString() } });
      this.state = fresh;
      await this.save(fresh);
      return fresh;
    }
    this.state = { keys: new Map(Object.entries(parsed.keys)), overall: parsed.overall, pending };
    return this.state;
  }

  private async save(state: State): Promise<void> {
    const key = await this.key();
    if (!key) return;
    // Nothing to keep: no file (a sound office's folder holds the database and the slot file only).
    if (state.keys.size === 0 && state.overall.failures === 0 && state.pending.length === 0) {
      rmSync(this.file, { force: true });
      return;
    }
    const body = { format: 'asysta-proby' as const, version: 1 as const, keys: Object.fromEntries(state.keys), overall: state.overall, pending: encrypt(state.pending, key) };
    const file: ThrottleFile = { ...body, mac: macOf(body, key) };
    replaceFile(this.file, JSON.stringify(file));
  }
}

function readThrottleFile(file: string): ThrottleFile | null {
  try {
    const result = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Logins are never written as typed: the file keys its counters by a hash. */
function hashed(key: string): string {
  return createHash('sha256').update(`asysta-throttle|${key.normalize('NFC').toLowerCase()}`, 'utf8').digest('hex');
}

function macOf(body: Omit<ThrottleFile, 'mac'>, key: Buffer): string {
  return createHmac('sha256', key).update(JSON.stringify([body.keys, body.overall, body.pending]), 'utf8').digest('hex');
}

function macOk(file: ThrottleFile, key: Buffer): boolean {
  const { mac, ...body } = file;
  const expected = Buffer.from(macOf(body, key), 'hex');
  const stored = Buffer.from(mac, 'hex');
  return expected.length === stored.length && timingSafeEqual(expected, stored);
}

function encrypt(events: AuditInput[], key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(events), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
}

const eventsSchema = z.array(
  z.object({
    actorId: z.string().nullable(),
    action: z.string().max(64),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
);

function decrypt(data: string, key: Buffer): AuditInput[] | null {
  try {
    const bytes = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const parsed = eventsSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
