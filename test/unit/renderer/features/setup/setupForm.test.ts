/**
 * The first run's one form (renderer/features/setup/setupForm.ts): each path validates only what
 * it sends — "Ten komputer" the office and the kierownik, "Dołącz" the pairing code (checksum
 * checked on this PC), "Załóż ośrodek na serwerze" all of it with the one-time setup code.
 */
import { describe, expect, it } from 'vitest';
import { SETUP_FORM_SCHEMAS, emptySetupForm, type SetupFormInput } from '../../../../../renderer/features/setup/setupForm';
import { formatPairingCode, INVALID_PAIRING_CODE } from '../../../../../shared/pairing';

const pairingCode = formatPairingCode({ host: '192.168.1.10', port: 5432, fingerprint: new Uint8Array(16).fill(9) });
const filled: SetupFormInput = {
  pairingCode,
  setupCode: 'ABCDE-FGHJK-MNPQR-STVWX',
  office: { name: 'GOPS Bielice', street: 'ul. Szkolna 12', postalCode: '74-202', city: 'Bielice', gmina: 'Bielice' },
  head: { firstName: 'Grażyna', lastName: 'Żółkiewska', login: 'gzolkiewska', password: 'Kierownik-Bielice-2026!', passwordRepeat: 'Kierownik-Bielice-2026!' },
};

function problems(path: keyof typeof SETUP_FORM_SCHEMAS, values: SetupFormInput): Record<string, string> {
  const result = SETUP_FORM_SCHEMAS[path].safeParse(values);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('first-run form', () => {
  it('joining needs only a pairing code that passes its checksum', () => {
    expect(problems('join', { ...emptySetupForm, pairingCode })).toEqual({});
    expect(problems('join', emptySetupForm)).toEqual({ pairingCode: 'Wpisz kod parowania.' });
    const typo = `${pairingCode.slice(0, -1)}${pairingCode.endsWith('A') ? 'B' : 'A'}`;
    expect(problems('join', { ...emptySetupForm, pairingCode: typo })).toEqual({ pairingCode: INVALID_PAIRING_CODE });
  });

  it('this PC’s set-up ignores the codes; the server set-up needs both and the same checks of the office and the kierownik', () => {
    expect(problems('local', { ...filled, pairingCode: '', setupCode: '' })).toEqual({});
    expect(problems('create', filled)).toEqual({});
    expect(Object.keys(problems('create', { ...filled, setupCode: '' }))).toEqual(['setupCode']);
    const differ = problems('create', { ...filled, head: { ...filled.head, passwordRepeat: 'inne-haslo-2026!' } });
    expect(Object.keys(differ)).toEqual(['head.passwordRepeat']);
    expect(Object.keys(problems('local', { ...filled, office: { ...filled.office, name: '' } }))).toEqual(['office.name']);
  });
});
