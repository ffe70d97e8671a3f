/**
 * The first-run screen's check of the pairing code as it is typed (renderer/features/setup/
 * pairingCheck.ts over shared/pairing.ts pairingCodeShape): progress while typing, a wrong
 * character at once, the checksum once whole, and the server named when it holds.
 */
import { describe, expect, it } from 'vitest';
import { formatPairingCode, INVALID_PAIRING_CODE, pairingCodeShape } from '../../../../../shared/pairing';
import { pairingFeedback } from '../../../../../renderer/features/setup/pairingCheck';

const fingerprint = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
const ipCode = formatPairingCode({ host: '192.168.1.10', port: 5432, fingerprint });
const nameCode = formatPairingCode({ host: 'serwer.ops.local', port: 6543, fingerprint });

describe('pairing code as it is typed', () => {
  it('knows the full length from the first characters, for an address and for a name', () => {
    expect(pairingCodeShape(ipCode.slice(0, 4))).toEqual({ typed: 4, expected: 40, wrongCharacter: null });
    const nameLength = nameCode.replace(/-/g, '').length;
    expect(pairingCodeShape(nameCode.slice(0, 5)).expected).toBe(nameLength);
    expect(pairingCodeShape('').expected).toBeNull();
  });

  it('counts what is typed, without hyphens and spaces, in Polish', () => {
    expect(pairingFeedback('')).toEqual({ tone: 'none' });
    expect(pairingFeedback(ipCode.slice(0, 11))).toEqual({ tone: 'progress', text: 'Wpisano 10 z 40 znaków.' });
    expect(pairingFeedback(` ${ipCode.slice(0, 2)} `)).toEqual({ tone: 'progress', text: 'Wpisano 2 z 40 znaków.' });
  });

  it('names a character that is in no code at once', () => {
    const feedback = pairingFeedback('230AU');
    expect(feedback.tone).toBe('error');
    expect(feedback.tone === 'error' && feedback.text).toContain('Znak „U” nie występuje w kodzie parowania');
  });

  it('accepts the whole code in any case, with O/I/L for 0/1, and names the server', () => {
    expect(pairingFeedback(ipCode)).toEqual({ tone: 'ok', text: 'Kod przepisany bez błędów: serwer 192.168.1.10, port 5432.', host: '192.168.1.10', port: 5432 });
    const sloppy = ipCode.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    expect(pairingFeedback(sloppy).tone).toBe('ok');
    expect(pairingFeedback(nameCode)).toMatchObject({ tone: 'ok', host: 'serwer.ops.local', port: 6543 });
  });

  it('refuses a whole code with one character mistyped, and one too long', () => {
    const last = ipCode.at(-1) === 'A' ? 'B' : 'A';
    expect(pairingFeedback(`${ipCode.slice(0, -1)}${last}`)).toEqual({ tone: 'error', text: INVALID_PAIRING_CODE });
    expect(pairingFeedback(`${ipCode}7`)).toMatchObject({ tone: 'error', text: expect.stringContaining('za długi: ma 41 znaków, a powinien mieć 40') });
  });
});
