/** The text size is the user's own, kept by the main process across sessions (issue 15). */
import { afterEach, expect, it } from 'vitest';
import { describeEngines, HEAD, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend;
afterEach(async () => t?.cleanup());

describeEngines('account preferences', (engine) => {
  it('keeps each user’s text size, refuses other sizes in Polish, and records the change', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    await t.call('users:create', { firstName: 'Anna', lastName: 'Nowak', login: 'anowak', password: 'Haslo-testowe-2026', roles: ['social_worker'] });
    expect(await t.call('account:preferences', {})).toEqual({ textScale: 100 });
    expect(await t.call('account:setTextScale', { textScale: 130 })).toEqual({ textScale: 130 });
    const refused = await t.fail('account:setTextScale', { textScale: 120 } as never);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('Wielkość tekstu: wybierz 100, 115 albo 130 %.');

    // Another user keeps her own size; the kierownik's comes back with her next session.
    await t.call('session:logout', {});
    await t.call('session:login', { login: 'anowak', password: 'Haslo-testowe-2026' });
    expect(await t.call('account:preferences', {})).toEqual({ textScale: 100 });
    await t.call('session:logout', {});
    await t.call('session:login', { login: HEAD.login, password: HEAD.password });
    expect(await t.call('account:preferences', {})).toEqual({ textScale: 130 });

    const [entry] = await t.call('audit:list', { action: 'user.preferences' });
    expect(entry?.details).toEqual({ textScale: { from: 100, to: 130 } });
  });
});
