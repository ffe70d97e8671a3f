/**
 * app:dataVersion (issue 18, item 5): the audit chain's head, which every audited write moves and
 * reads leave alone; the renderer polls it in server mode and reads again when it changed. Its
 * poll is the window's own timer, not the user's: it never keeps an idle session open.
 * (Two PCs on one office server: test/integration/electron/server/concurrency.test.ts.)
 */
import { afterEach, expect, it } from 'vitest';
import { describeEngines, OFFICE, setUpOffice, testBackend, type TestBackend } from '../../../support/backend';

let t: TestBackend | undefined;

afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describeEngines('app:dataVersion', (engine) => {
  it('changes with every audited write and stays while only reading', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    const first = (await t.call('app:dataVersion', {})).version;
    const [head] = await t.call('audit:list', { limit: 1 });
    expect(first).toMatch(new RegExp(`^${head!.id}:[0-9a-f]{64}$`));

    await t.call('office:get', {});
    await t.call('users:list', {});
    expect((await t.call('app:dataVersion', {})).version).toBe(first);

    await t.call('office:update', { ...OFFICE, name: 'GOPS w Nowej Wsi' });
    const second = (await t.call('app:dataVersion', {})).version;
    expect(second).not.toBe(first);
    expect((await t.call('app:dataVersion', {})).version).toBe(second);
  });

  it('is not activity: polling it does not keep an idle session open', async () => {
    t = testBackend(undefined, { engine });
    await setUpOffice(t);
    t.clock.advance(9 * 60_000);
    await t.call('app:dataVersion', {});
    t.clock.advance(60_000);
    expect((await t.fail('app:dataVersion', {})).code).toBe('LOCKED');
    expect((await t.call('app:status', {})).state).toBe('locked');
  });

  it('is refused before sign-in', async () => {
    t = testBackend(undefined, { engine });
    expect((await t.fail('app:dataVersion', {})).code).toBe('UNAUTHENTICATED');
  });
});
