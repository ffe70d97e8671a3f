/**
 * `npm run cli -- init|verify --server KOD …`: the admin CLI's verbs against an office server
 * (issue 18) instead of a data folder. The pairing code gives the host, the port and the CA's
 * fingerprint; the CA is taken from the server's handshake only when it matches, and every
 * connection is verify-full. Passwords and the setup code come from standard input.
 */
import { FAMILY_DATA_TABLES } from './data/postgres/schema/0002-access';
import { ServerDatabase } from './data/postgres/server-database';
import { requireServerSchema, schemaVersion } from './data/postgres/migrate';
import { DEFAULT_ROLE_PREFIX, loginRole, serverRoles } from './data/postgres/roles';
import { SERVER_SCHEMA_VERSION } from './data/postgres/schema';
import { CliError, type SecretReader } from './cli-input';
import { systemClock } from './clock';
import { AppError } from './errors';
import { SERVER_DATABASE, type ConnectionInfo } from './server/cluster';
import { createOfficeOnServer, pairServer, withServerClient } from './server/join';
import { AuditService } from './services/audit';
import { loginSchema, officeSchema, passwordSchema } from '../shared/schemas';

type Values = Record<string, string | boolean | undefined>;

function option(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`Brak opcji --${name}.`, 2);
  return value;
}

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(result.error.issues.map((i) => i.message).join(' '), 2);
  return result.data;
}

/** The server of a pairing code, with its CA pinned (refused in Polish when the code is wrong: exit code 2). */
async function serverOf(values: Values): Promise<Omit<ConnectionInfo, 'user' | 'password'>> {
  try {
    const { host, port, ca } = await pairServer(option(values, 'server'));
    return { host, port, database: SERVER_DATABASE, ca };
  } catch (error) {
    if (error instanceof AppError && error.code === 'PAIRING_INVALID') throw new CliError(error.message, 2);
    throw error;
  }
}

async function init(values: Values, secrets: SecretReader): Promise<void> {
  const office = check(officeSchema, {
    name: option(values, 'office'),
    street: values['street'] ?? '—',
    postalCode: values['postal-code'] ?? '00-000',
    city: values['city'] ?? '—',
    gmina: values['gmina'] ?? '—',
  });
  const login = check(loginSchema, option(values, 'login'));
  const server = await serverOf(values);
  const setupCode = await secrets.read('Kod założenia biura: ');
  const password = check(passwordSchema, await secrets.read('Hasło kierownika: '));
  if (process.stdin.isTTY && (await secrets.read('Powtórz hasło: ')) !== password) throw new CliError('Hasła nie są takie same.', 2);
  const head = { login, firstName: typeof values['first-name'] === 'string' ? values['first-name'] : 'Kierownik', lastName: typeof values['last-name'] === 'string' ? values['last-name'] : 'Ośrodka' };
  // The same step as the app's "Serwer w biurze" → "Nowy ośrodek" (server/join.ts); its refusals are AppErrors (exit code 3).
  const created = await createOfficeOnServer(server, { rolePrefix: DEFAULT_ROLE_PREFIX }, setupCode, { office, head }, password);
  console.log(`Utworzono ośrodek na serwerze ${server.host}:${server.port} i konto kierownika (konto bazy: ${created.role}).`);
}

async function verify(values: Values, secrets: SecretReader): Promise<void> {
  const login = check(loginSchema, option(values, 'login'));
  const server = await serverOf(values);
  const info = { ...server, user: loginRole(serverRoles(), login), password: await secrets.read('Hasło: ') };
  const problems: string[] = [];
  try {
    await withServerClient(info, async (client) => {
      console.log(`✔ Połączenie z serwerem ${server.host}:${server.port}: szyfrowane, certyfikat zgodny z kodem parowania.`);
      const version = await schemaVersion(client);
      try {
        await requireServerSchema(client);
        console.log(`✔ Schemat bazy na serwerze jest aktualny (wersja ${version}).`);
      } catch (error) {
        console.log(`✘ ${error instanceof Error ? error.message : String(error)}`);
        problems.push('wersja schematu');
        return;
      }
      const { rows } = await client.query<{ relname: string }>(
        `SELECT relname FROM pg_class WHERE relname = ANY($1) AND relkind = 'r' AND relnamespace = 'public'::regnamespace AND relrowsecurity AND relforcerowsecurity`,
        [[...FAMILY_DATA_TABLES]],
      );
      const unprotected = FAMILY_DATA_TABLES.filter((table) => !rows.some((r) => r.relname === table));
      console.log(
        unprotected.length === 0
          ? `✔ Dostęp do danych rodzin jest wymuszony w bazie (tabele: ${FAMILY_DATA_TABLES.length}).`
          : `✘ Tabele z danymi rodzin bez wymuszonego dostępu do wierszy: ${unprotected.join(', ')}.`,
      );
      if (unprotected.length > 0) problems.push('dostęp do wierszy');
      const head = await client.query<{ head: boolean }>('SELECT asysta.is_head() AS head');
      if (!head.rows[0]?.head) throw new CliError('Dziennik zdarzeń całego ośrodka sprawdza kierownik: podaj jego login.', 3);
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'WRONG_PASSWORD') throw new CliError('Nieprawidłowy login lub hasło. Niczego nie zmieniono.', 3);
    throw error;
  }
  if (problems.length === 0) {
    const db = await ServerDatabase.open(info);
    try {
      const chain = await db.read((m) => new AuditService(systemClock).verify(m));
      console.log(`${chain.ok ? '✔' : '✘'} ${chain.message}`);
      if (!chain.ok) problems.push('dziennik zdarzeń');
    } finally {
      await db.close();
    }
  }
  if (problems.length > 0) throw new CliError(`Wykryto problemy: ${problems.join(', ')}.`, 4);
  console.log(`Baza ośrodka na serwerze jest w porządku (wersja schematu ${SERVER_SCHEMA_VERSION}).`);
}

/** Runs `init` or `verify` against the server of `--server KOD`. */
export async function runOnServer(command: string, values: Values, secrets: SecretReader): Promise<void> {
  if (command === 'init') return init(values, secrets);
  if (command === 'verify') return verify(values, secrets);
  throw new CliError(`Polecenie „${command}” działa na razie tylko z --data-dir (z --server: init i verify).`, 2);
}
