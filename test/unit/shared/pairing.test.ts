import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_BYTES, INVALID_PAIRING_CODE, formatPairingCode, isPairingHost, parsePairingCode, type PairingInfo } from '../../../shared/pairing';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc
  .array(label, { minLength: 1, maxLength: 4 })
  .map((labels) => labels.join('.'))
  .filter((name) => name.length <= 63 && !/^[\d.]+$/.test(name));
const info = fc.record({
  host: fc.oneof(ipv4, hostName),
  port: fc.integer({ min: 1, max: 65535 }),
  fingerprint: fc.uint8Array({ minLength: FINGERPRINT_BYTES, maxLength: FINGERPRINT_BYTES }),
});

function roundTrip(value: PairingInfo): PairingInfo {
  const parsed = parsePairingCode(formatPairingCode(value));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const EXAMPLE: PairingInfo = { host: '192.168.1.20', port: 5432, fingerprint: Uint8Array.from({ length: 16 }, (_, i) => i * 17) };

describe('pairing code', () => {
  it('an IPv4 server fits in 40 characters, in groups of five', () => {
    const code = formatPairingCode(EXAMPLE);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(roundTrip(EXAMPLE)).toEqual(EXAMPLE);
  });

  it('format → parse gives back the host, the port and the fingerprint', () => {
    fc.assert(fc.property(info, (value) => {
        expect(roundTrip(value)).toEqual(value);
      }));
  });

  it('reads the code as people type it: any case, without hyphens, with spaces, I/L for 1 and O for 0', () => {
    const code = formatPairingCode(EXAMPLE);
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(parsePairingCode(sloppy)).toEqual({ ok: true, value: EXAMPLE });
    expect(parsePairingCode(code.replace(/-/g, ''))).toEqual({ ok: true, value: EXAMPLE });
  });

  it('refuses every code with one character mistyped', () => {
    fc.assert(
      fc.property(info, fc.nat(), fc.integer({ min: 1, max: 31 }), (value, at, shift) => {
        const code = formatPairingCode(value).replace(/-/g, '');
        const index = at % code.length;
        const wrong = ALPHABET[(ALPHABET.indexOf(code[index] ?? '0') + shift) % 32] ?? '0';
        const typo = code.slice(0, index) + wrong + code.slice(index + 1);
        expect(parsePairingCode(typo)).toEqual({ ok: false, error: { code: 'VALIDATION', message: INVALID_PAIRING_CODE } });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every code with two neighbouring characters swapped, one left out or one added', () => {
    fc.assert(
      fc.property(info, fc.nat(), fc.constantFrom(...ALPHABET), (value, at, extra) => {
        const code = formatPairingCode(value).replace(/-/g, '');
        const index = at % (code.length - 1);
        const a = code[index] ?? '';
        const b = code[index + 1] ?? '';
        if (a !== b) expect(parsePairingCode(code.slice(0, index) + b + a + code.slice(index + 2)).ok).toBe(false);
        expect(parsePairingCode(code.slice(0, index) + code.slice(index + 1)).ok).toBe(false);
        expect(parsePairingCode(code.slice(0, index) + extra + code.slice(index)).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses text that is not a code, with the Polish message', () => {
    for (const text of ['', 'abc', 'kod-parowania', formatPairingCode(EXAMPLE) + '!', 'UUUUU-UUUUU']) {
      const parsed = parsePairingCode(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(/^Kod parowania jest nieprawidłowy/);
    }
  });

  it('a code of a newer format is named as such (not as a typo)', () => {
    // Same layout with version 2: CRC-correct, so it cannot be a typo.
    const code = formatPairingCode(EXAMPLE).replace(/-/g, '');
    const bytes = decode(code);
    bytes[0] = 0x20;
    const parsed = parsePairingCode(encode(withCrc(bytes.slice(0, -2))));
    expect(parsed).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/nowszej wersji Asysty/) } });
  });

  it('takes IPv4 addresses and DNS names only', () => {
    expect(isPairingHost('10.0.0.5')).toBe(true);
    expect(isPairingHost('serwer-ops.gmina.local')).toBe(true);
    expect(isPairingHost('fe80::1')).toBe(false);
    expect(isPairingHost('serwer ops')).toBe(false);
    expect(() => formatPairingCode({ ...EXAMPLE, host: 'fe80::1' })).toThrow();
    expect(() => formatPairingCode({ ...EXAMPLE, port: 0 })).toThrow();
  });
});

// A base32 codec of the test's own, to build a CRC-correct code of another version.
function decode(text: string): number[] {
  let bits = '';
  for (const c of text) bits += ALPHABET.indexOf(c).toString(2).padStart(5, '0');
  const out: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) out.push(parseInt(bits.slice(i, i + 8), 2));
  return out;
}
function encode(bytes: number[]): string {
  let bits = bytes.map((b) => b.toString(2).padStart(8, '0')).join('');
  while (bits.length % 5) bits += '0';
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)];
  return out;
}
function withCrc(bytes: number[]): number[] {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return [...bytes, crc >> 8, crc & 0xff];
}
