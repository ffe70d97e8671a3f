import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failureDelayMs } from '../../../electron/services/throttle';
import { DEFAULT_SETTINGS } from '../../../electron/services/office';
import { HEAD, OFFICE, setUpOffice, testBackend, type TestBackend } from '../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describe('first run and login', () => {
  it('starts in set-up, creates the office, then asks for a login', async () => {
    t = testBackend();
    expect((await t.call('app:status', {})).state).toBe('setup');
    const { recoveryCode } = await t.call('setup:create', { office: OFFICE, head: HEAD });
    expect(recoveryCode).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    const status = await t.call('app:status', {});
    expect(status).toEqual({ state: 'login', mode: 'local', server: null, user: null, office: null, settings: null });
    const user = await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect(user).toMatchObject({ login: HEAD.login, roles: ['head'] });
    const ready = await t.call('app:status', {});
    expect(ready.state).toBe('ready');
    expect(ready.office).toEqual({ ...OFFICE, place: '' });
    expect(ready.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a second set-up in the same folder', async () => {
    t = testBackend();
    await setUpOffice(t);
    const error = await t.fail('setup:create', { office: OFFICE, head: HEAD });
    expect(error.code).toBe('INVALID_STATE');
  });

  it('writes no entered plain text into any file of the data folder', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'bwisniewska', password: 'Asystentka-2026!', roles: ['family_assistant'] });
    await t.call('session:logout', {});
    const needles = [OFFICE.name, 'Bielice', 'Szkolna', HEAD.login, 'Żółkiewska', 'bwisniewska', 'Wiśniewska', HEAD.password];
    for (const file of readdirSync(t.dataDir)) {
      const bytes = readFileSync(join(t.dataDir, file));
      for (const needle of needles) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${file} contains ${needle}`).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${file} contains ${needle} (UTF-16)`).toBe(false);
      }
    }
  });

  it('rejects a wrong password with a Polish message and a growing delay', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const first = await t.fail('session:login', { login: HEAD.login, password: 'zle-haslo-123' });
    expect(first).toMatchObject({ code: 'WRONG_PASSWORD', message: 'Nieprawidłowy login lub hasło.' });
    const blocked = await t.fail('session:login', { login: HEAD.login, password: HEAD.password });
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.message).toMatch(/Spróbuj ponownie za 1 s/);
    t.clock.advance(1000);
    const second = await t.fail('session:login', { login: HEAD.login, password: 'zle-haslo-456' });
    expect(second.message).toContain('za 2 s');
    t.clock.advance(2000);
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    // Failed attempts made while the database was closed are written once it opens.
    const log = await t.call('audit:list', { action: 'session.login_failed' });
    expect(log).toHaveLength(2);
    expect(log[0]?.details).toMatchObject({ login: HEAD.login });
  });

  it('does not tell an unknown login from a wrong password', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const error = await t.fail('session:login', { login: 'nieznany', password: 'cokolwiek-123' });
    expect(error).toMatchObject({ code: 'WRONG_PASSWORD', message: 'Nieprawidłowy login lub hasło.' });
  });

  it('grows the delay up to a minute', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(failureDelayMs)).toEqual([1000, 2000, 4000, 8000, 60000, 60000, 60000]);
  });
});

describe('lock and idle', () => {
  it('locks on demand and unlocks with the same password', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('session:lock', {});
    const locked = await t.call('app:status', {});
    expect(locked).toMatchObject({ state: 'locked', user: { login: HEAD.login }, office: null });
    expect((await t.fail('users:list', {})).code).toBe('LOCKED');
    expect((await t.fail('session:unlock', { password: 'zle-haslo-123' })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(1000);
    await t.call('session:unlock', { password: HEAD.password });
    expect((await t.call('app:status', {})).state).toBe('ready');
  });

  it('locks itself after the idle time, which the kierownik can change', async () => {
    t = testBackend();
    await setUpOffice(t);
    t.clock.advance(9 * 60_000);
    await t.call('session:touch', {});
    t.clock.advance(9 * 60_000);
    expect((await t.call('app:status', {})).state).toBe('ready');
    t.clock.advance(60_000);
    expect((await t.call('app:status', {})).state).toBe('locked');
    await t.call('session:unlock', { password: HEAD.password });
    await t.call('settings:update', { idleLockMinutes: 2 });
    t.clock.advance(2 * 60_000);
    expect((await t.call('app:status', {})).state).toBe('locked');
    const events = await (async () => {
      await t.call('session:unlock', { password: HEAD.password });
      return t.call('audit:list', { action: 'session.lock' });
    })();
    expect(events.map((e) => e.details['reason'])).toEqual(['idle', 'idle']);
  });

  it('lets the user sign out from the lock screen and records it at the next login', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('session:lock', {});
    await t.call('session:logout', {});
    expect((await t.call('app:status', {})).state).toBe('login');
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    const logouts = await t.call('audit:list', { action: 'session.logout' });
    expect(logouts[0]?.details).toMatchObject({ from: 'lock_screen' });
  });
});

describe('users', () => {
  it('adds a user who can log in with her own password', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Bożena', lastName: 'Wiśniewska', login: 'BWisniewska', password: 'Asystentka-2026!', roles: ['family_assistant'] });
    const users = await t.call('users:list', {});
    expect(users.map((u) => u.login)).toEqual(['bwisniewska', HEAD.login]);
    await t.call('session:logout', {});
    const assistant = await t.call('session:login', { login: 'bwisniewska', password: 'Asystentka-2026!' });
    expect(assistant.roles).toEqual(['family_assistant']);
    expect((await t.fail('users:list', {})).message).toBe('Nie masz uprawnień do zarządzania użytkownikami.');
  });

  it('refuses duplicate logins, short passwords and malformed payloads without writing', async () => {
    t = testBackend();
    await setUpOffice(t);
    const before = await t.call('audit:list', {});
    const dup = await t.fail('users:create', { firstName: 'A', lastName: 'B', login: HEAD.login, password: 'Dlugie-haslo-1', roles: ['social_worker'] });
    expect(dup).toMatchObject({ code: 'CONFLICT', fields: { login: 'Ten login jest już zajęty.' } });
    const short = await t.fail('users:create', { firstName: 'A', lastName: 'B', login: 'nowa', password: 'krotkie', roles: ['social_worker'] });
    expect(short).toMatchObject({ code: 'VALIDATION', fields: { password: 'Hasło musi mieć co najmniej 12 znaków.' } });
    const guessable = await t.fail('users:create', { firstName: 'A', lastName: 'B', login: 'nowa', password: 'Warszawa2024!', roles: ['social_worker'] });
    expect(guessable).toMatchObject({ code: 'VALIDATION', fields: { password: expect.stringContaining('zbyt łatwe do odgadnięcia') } });
    const junk = await t.fail('users:create', { firstName: 42, roles: ['admin'], extra: 'x'.repeat(10_000) });
    expect(junk.code).toBe('VALIDATION');
    expect(await t.backend.invoke('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const after = await t.call('audit:list', {});
    expect(after.length).toBe(before.length);
    expect((await t.call('users:list', {})).length).toBe(1);
  });

  it('keeps at least one active kierownik and lets a switched-off account in no more', async () => {
    t = testBackend();
    await setUpOffice(t);
    const me = (await t.call('app:status', {})).user!;
    expect((await t.fail('users:update', { id: me.id, firstName: HEAD.firstName, lastName: HEAD.lastName, roles: ['social_worker'], active: true })).message).toBe(
      'W ośrodku musi zostać co najmniej jeden aktywny kierownik.',
    );
    const worker = await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Pracownik-2026!', roles: ['social_worker'] });
    await t.call('users:update', { id: worker.id, firstName: 'Anna', lastName: 'Nowak-Kowalska', roles: ['social_worker'], active: false });
    const changes = await t.call('audit:list', { action: 'user.update' });
    expect(changes[0]?.details).toEqual({ changes: { lastName: { from: 'Nowak', to: 'Nowak-Kowalska' }, active: { from: true, to: false } } });
    await t.call('session:logout', {});
    expect((await t.fail('session:login', { login: 'anowak', password: 'Pracownik-2026!' })).code).toBe('WRONG_PASSWORD');
  });

  it('changes a password by re-wrapping one slot', async () => {
    t = testBackend();
    await setUpOffice(t);
    const keysBefore = JSON.parse(readFileSync(join(t.dataDir, 'asysta.keys.json'), 'utf8')) as { slots: { id: string }[] };
    expect((await t.fail('session:changePassword', { currentPassword: 'zle-haslo-1', newPassword: 'Nowe-haslo-2026' })).code).toBe('WRONG_PASSWORD');
    await t.call('session:changePassword', { currentPassword: HEAD.password, newPassword: 'Nowe-haslo-2026' });
    const keysAfter = JSON.parse(readFileSync(join(t.dataDir, 'asysta.keys.json'), 'utf8')) as { slots: { id: string }[] };
    expect(keysAfter.slots).toHaveLength(2);
    expect(keysAfter.slots.filter((s) => keysBefore.slots.some((b) => b.id === s.id))).toHaveLength(1);
    await t.call('session:logout', {});
    expect((await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(1000);
    await t.call('session:login', { login: HEAD.login, password: 'Nowe-haslo-2026' });
  });

  it('resets a forgotten password with the recovery code', async () => {
    t = testBackend();
    const code = await setUpOffice(t);
    await t.call('session:logout', {});
    expect((await t.fail('session:recover', { login: HEAD.login, recoveryCode: 'AAAA-'.repeat(7) + 'AAAA', newPassword: 'Odzyskane-2026' })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(1000);
    // The code only sets a new password: nobody is signed in, and the trail says the code was used.
    expect(await t.call('session:recover', { login: HEAD.login, recoveryCode: code.toLowerCase().replace(/-/g, ' '), newPassword: 'Odzyskane-2026' })).toBeNull();
    expect((await t.call('app:status', {})).state).toBe('login');
    expect((await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('WRONG_PASSWORD');
    t.clock.advance(2000);
    const user = await t.call('session:login', { login: HEAD.login, password: 'Odzyskane-2026' });
    const [reset] = await t.call('audit:list', { action: 'user.password_reset' });
    expect(reset).toMatchObject({ actorId: null, entityId: user.id, details: { via: 'recovery_code' } });
    expect(await t.call('audit:list', { action: 'session.recover' })).toEqual([]);
  });
});

describe('bad data folders', () => {
  it('names a corrupted key-slot file and a foreign database clearly', async () => {
    t = testBackend();
    await setUpOffice(t);
    await t.call('session:logout', {});
    const keys = join(t.dataDir, 'asysta.keys.json');
    const good = readFileSync(keys, 'utf8');
    writeFileSync(keys, good.slice(0, 100));
    expect(await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).toMatchObject({
      code: 'DB_CORRUPT',
      message: 'Plik kluczy Asysty jest uszkodzony. Przywróć dane z kopii zapasowej.',
    });
    writeFileSync(keys, JSON.stringify({ hello: 'world' }));
    expect((await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('DB_FOREIGN');
    writeFileSync(keys, good);
    writeFileSync(join(t.dataDir, 'asysta.db'), Buffer.alloc(8192, 7));
    expect((await t.fail('session:login', { login: HEAD.login, password: HEAD.password })).code).toBe('DB_FOREIGN');
  });
});
