/**
 * The pairing code checked as it is typed (shared/pairing.ts): a character that is in no code at
 * once, how many are still missing, then the checksum once the code is whole — so a mistyped code
 * is caught on this PC, with a Polish message, before anything reaches the server.
 */
import { pairingCodeShape, parsePairingCode } from '../../../shared/pairing';
import { count } from '../../../shared/text';

export type PairingFeedback =
  | { tone: 'none' }
  | { tone: 'progress'; text: string }
  | { tone: 'error'; text: string }
  | { tone: 'ok'; text: string; host: string; port: number };

/** The usual length: a server on an IPv4 address. */
const USUAL_LENGTH = 40;

export function pairingFeedback(code: string): PairingFeedback {
  const shape = pairingCodeShape(code);
  if (shape.typed === 0) return { tone: 'none' };
  if (shape.wrongCharacter !== null) {
    return {
      tone: 'error',
      text: `Znak „${shape.wrongCharacter}” nie występuje w kodzie parowania (kod ma tylko cyfry i litery, bez U) — sprawdź, czy przepisano go bez pomyłki.`,
    };
  }
  const expected = shape.expected ?? USUAL_LENGTH;
  if (shape.typed < expected) return { tone: 'progress', text: `Wpisano ${shape.typed} z ${count(expected, 'znaku', 'znaków', 'znaków')}.` };
  if (shape.typed > expected) {
    return { tone: 'error', text: `Kod parowania jest za długi: ma ${count(shape.typed, 'znak', 'znaki', 'znaków')}, a powinien mieć ${expected}. Sprawdź, czy czegoś nie wpisano dwa razy.` };
  }
  const parsed = parsePairingCode(code);
  if (!parsed.ok) return { tone: 'error', text: parsed.error.message };
  const { host, port } = parsed.value;
  return { tone: 'ok', text: `Kod przepisany bez błędów: serwer ${host}, port ${port}.`, host, port };
}
