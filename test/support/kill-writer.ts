/**
 * The child of test/integration/electron/kill.test.ts: opens a backend on the given data folder,
 * signs in as the kierownik and writes records in a loop — a user (row, audit entry, key slot),
 * now and then the office's name, now and then her password reset by the kierownik (a new master
 * key: audit entry, every slot re-sealed), then the user switched off (row, audit entry, slot
 * removed, a new master key) —
 * printing each record's key only after its save returned. The parent kills it with SIGKILL.
 *
 *   node --import tsx test/support/kill-writer.ts <data folder> <run number>
 */
import { createBackend } from '../../electron/backend';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc';
import { FAST_SCRYPT, HEAD, OFFICE } from './office';

const [dataDir, runArg] = process.argv.slice(2);
if (!dataDir || !runArg) throw new Error('usage: kill-writer <data folder> <run number>');
const run = Number(runArg);
const backend = createBackend({ dataDir, scrypt: FAST_SCRYPT, idleCheckMs: 0 });

async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as ChannelOutput<C>;
}

/** One line per saved record; a pipe write is synchronous on Linux, so a printed line was saved. */
function saved(line: string): void {
  process.stdout.write(`${line}\n`);
}

await call('session:login', { login: HEAD.login, password: HEAD.password });
saved('READY');
for (let i = 0; ; i += 1) {
  const login = `r${run}u${i}`;
  const person = { firstName: 'Próba', lastName: `Zapisu ${run}-${i}` };
  const user = await call('users:create', { ...person, login, password: 'Haslo-testowe-1', roles: ['social_worker'] });
  saved(`user ${login} ${user.id}`);
  if (i % 3 === 0) {
    const seq = run * 1_000_000 + i;
    await call('office:update', { ...OFFICE, name: `Ośrodek nr ${seq}` });
    saved(`office ${seq}`);
  }
  if (i % 2 === 0) {
    await call('users:resetPassword', { id: user.id, newPassword: 'Nowe-haslo-testowe-2' });
    saved(`reset ${login}`);
  }
  await call('users:update', { id: user.id, ...person, roles: ['social_worker'], active: false });
  saved(`off ${login}`);
}
