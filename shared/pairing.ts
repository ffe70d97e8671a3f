/**
 * The pairing code: what a PC needs to join the office server, short enough to type from a sheet
 * of paper. It carries the server's host (an IPv4 address or a name), its port and the first 16
 * bytes (128 bits) of the SHA-256 fingerprint of the server's own CA certificate, followed by a
 * CRC-16 that catches every single mistyped character and every swap of two neighbours.
 *
 * Bytes: [version << 4 | host kind] [host: 4 bytes, or length + ASCII name] [port u16] [16 bytes
 * of the fingerprint] [CRC-16/XMODEM of all before]; written in Crockford's base32 (no I, L, O, U;
 * typed I/L read as 1 and O as 0, any case), in groups of five joined by hyphens. A server on an
 * IPv4 address takes 40 characters, e.g. `230AG-08M2M-W0049-26D25-ASKQH-2CTNE-YCVQQ-FZ8TV`; a
 * name takes 2 more bytes plus its length.
 *
 * A CRC of degree 16 detects every burst of up to 16 wrong bits; a mistyped character changes at
 * most 5 neighbouring bits, a swap of two neighbouring characters at most 10.
 */
import type { Result } from './result';

export interface PairingInfo {
  host: string;
  port: number;
  /** The first FINGERPRINT_BYTES bytes of SHA-256 over the CA certificate's DER. */
  fingerprint: Uint8Array;
}

export const FINGERPRINT_BYTES = 16;
const VERSION = 1;
const KIND_IPV4 = 0;
const KIND_NAME = 2;
const MAX_NAME = 63;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

export const INVALID_PAIRING_CODE =
  'Kod parowania jest nieprawidłowy — sprawdź, czy przepisano go bez pomyłki (litery i cyfry jak na kartce; myślniki i odstępy można pominąć).';
const NEWER_PAIRING_CODE = 'Ten kod parowania pochodzi z nowszej wersji Asysty — zaktualizuj Asystę na tym komputerze.';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const NAME = /^(?=.{1,63}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** Whether `host` can go into a pairing code (an IPv4 address or a DNS name). */
export function isPairingHost(host: string): boolean {
  return IPV4.test(host) || NAME.test(host.toLowerCase());
}

export function formatPairingCode(info: PairingInfo): string {
  if (!Number.isInteger(info.port) || info.port < 1 || info.port > 65535) throw new RangeError('port out of range');
  if (info.fingerprint.length < FINGERPRINT_BYTES) throw new RangeError('fingerprint too short');
  const bytes: number[] = [];
  if (IPV4.test(info.host)) {
    bytes.push((VERSION << 4) | KIND_IPV4, ...info.host.split('.').map(Number));
  } else {
    const name = info.host.toLowerCase();
    if (!NAME.test(name)) throw new RangeError('host is neither an IPv4 address nor a DNS name');
    bytes.push((VERSION << 4) | KIND_NAME, name.length, ...Array.from(name, (c) => c.charCodeAt(0)));
  }
  bytes.push(info.port >> 8, info.port & 0xff, ...info.fingerprint.subarray(0, FINGERPRINT_BYTES));
  const crc = crc16(bytes);
  bytes.push(crc >> 8, crc & 0xff);
  const text = encodeBase32(bytes);
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += GROUP) groups.push(text.slice(i, i + GROUP));
  return groups.join('-');
}

export function parsePairingCode(code: string): Result<PairingInfo> {
  const invalid: Result<PairingInfo> = { ok: false, error: { code: 'VALIDATION', message: INVALID_PAIRING_CODE } };
  const bytes = decodeBase32(code.replace(/[\s-]/g, ''));
  if (!bytes || bytes.length < 4 || crc16(bytes) !== 0) return invalid;
  const header = bytes[0] ?? 0;
  if (header >> 4 !== VERSION) {
    return header >> 4 > VERSION ? { ok: false, error: { code: 'VALIDATION', message: NEWER_PAIRING_CODE } } : invalid;
  }
  let position: number;
  let host: string;
  if ((header & 0x0f) === KIND_IPV4) {
    host = bytes.slice(1, 5).join('.');
    position = 5;
  } else if ((header & 0x0f) === KIND_NAME) {
    const length = bytes[1] ?? 0;
    if (length < 1 || length > MAX_NAME) return invalid;
    host = String.fromCharCode(...bytes.slice(2, 2 + length));
    position = 2 + length;
    if (!NAME.test(host)) return invalid;
  } else {
    return invalid;
  }
  if (bytes.length !== position + 2 + FINGERPRINT_BYTES + 2) return invalid;
  const port = ((bytes[position] ?? 0) << 8) | (bytes[position + 1] ?? 0);
  if (port === 0) return invalid;
  const fingerprint = Uint8Array.from(bytes.slice(position + 2, position + 2 + FINGERPRINT_BYTES));
  return { ok: true, value: { host, port, fingerprint } };
}

/** How far a pairing code being typed has come (the first-run screen's check as the user types). */
export interface PairingCodeShape {
  /** Characters typed (hyphens and spaces not counted). */
  typed: number;
  /** The code's full length, known once its first characters say the kind of host; null before. */
  expected: number | null;
  /** The first character that is in no pairing code (as typed), null when none. */
  wrongCharacter: string | null;
}

export function pairingCodeShape(code: string): PairingCodeShape {
  const compact = code.replace(/[\s-]/g, '');
  const wrong = Array.from(compact).find((raw) => {
    const c = raw.toUpperCase();
    return c !== 'O' && c !== 'I' && c !== 'L' && !ALPHABET.includes(c);
  });
  if (wrong !== undefined) return { typed: compact.length, expected: null, wrongCharacter: wrong };
  // The first 16 bits (4 characters hold 20) give the kind and, for a name, its length.
  const head = decodeBase32(compact.slice(0, 4), true);
  let expected: number | null = null;
  if (head && head.length >= 2) {
    const kind = (head[0] ?? 0) & 0x0f;
    const bytes = kind === KIND_IPV4 ? 5 : kind === KIND_NAME ? 2 + (head[1] ?? 0) : null;
    if (bytes !== null) expected = Math.ceil(((bytes + 2 + FINGERPRINT_BYTES + 2) * 8) / 5);
  }
  return { typed: compact.length, expected, wrongCharacter: null };
}

/** CRC-16/XMODEM (polynomial 0x1021, no reflection, start 0): 0 over a message followed by its CRC. */
function crc16(bytes: readonly number[]): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function encodeBase32(bytes: readonly number[]): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * null when a character is not in the alphabet or (unless `partial`: the start of a code) the
 * trailing bits are not a clean end.
 */
function decodeBase32(text: string, partial = false): number[] | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const raw of text.toUpperCase()) {
    const c = raw === 'O' ? '0' : raw === 'I' || raw === 'L' ? '1' : raw;
    const value = ALPHABET.indexOf(c);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (partial) return out;
  // The canonical length leaves fewer than 5 padding bits, all of them zero.
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
