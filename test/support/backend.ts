/** Builds a real backend over a real encrypted database in a temporary folder. */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';
import { ManualClock } from '../../electron/clock';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import type { AppErrorShape, Result } from '../../shared/result';
import { FAST_SCRYPT, HEAD, OFFICE, tempDir } from './office';

export { FAST_SCRYPT, HEAD, OFFICE, tempDir } from './office';

export interface TestBackend {
  backend: Backend;
  dataDir: string;
  clock: ManualClock;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail<C extends Channel>(channel: C, input: ChannelInput<C> | unknown): Promise<AppErrorShape>;
  cleanup(): Promise<void>;
}

/** `options`: extra backend options (e.g. the PDF worker for the document register). */
export function testBackend(dataDir = tempDir(), options: Partial<Omit<BackendOptions, 'dataDir' | 'clock'>> = {}): TestBackend {
  const clock = new ManualClock('2026-03-02T08:00:00.000Z');
  const backend = createBackend({ dataDir, clock, scrypt: FAST_SCRYPT, idleCheckMs: 0, ...options });
  return {
    backend,
    dataDir,
    clock,
    async call(channel, input) {
      const result = (await backend.invoke(channel, input)) as Result<ChannelOutput<typeof channel>>;
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async fail(channel, input) {
      const result = await backend.invoke(channel, input);
      expect(result.ok, `${channel} should have been refused`).toBe(false);
      return (result as { ok: false; error: AppErrorShape }).error;
    },
    async cleanup() {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** First run + login as the kierownik; returns the recovery code. */
export async function setUpOffice(t: TestBackend): Promise<string> {
  const { recoveryCode } = await t.call('setup:create', { office: OFFICE, head: HEAD });
  await t.call('session:login', { login: HEAD.login, password: HEAD.password });
  return recoveryCode;
}
