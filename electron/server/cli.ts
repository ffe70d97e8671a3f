/**
 * The office server's CLI, run on the server PC: `npm run server -- <polecenie> --dir FOLDER`.
 * Polish output; passwords on standard input. See docs/office-server.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { CliError, reportCliError, SecretReader } from '../cli-input';
import { migrateServer } from '../data/postgres/migrate';
import { openOfficeSetup } from '../data/postgres/office';
import { loginRole, scramVerifier, serverRoles } from '../data/postgres/roles';
import { loginSchema, passwordSchema } from '../../shared/schemas';
import { formatPairingCode, isPairingHost } from '../../shared/pairing';
import { backupServer, restoreServer, serverBackupFileName } from './backup';
import { clusterStatus, DEFAULT_PORT, initCluster, isDirectory, readConfig, renewServerCertificate, serverPaths, startCluster, stopCluster, writePort, type ServerConfig } from './cluster';
import { createOfficeDatabase, withSuperuser } from './database';
import { certificateExpiry, formatFingerprint } from './tls';
import { volumeEncryption, volumeReport } from './volume';
import { moveOffice } from './move';

const USAGE = `Asysta — serwer w biurze (PostgreSQL)

Użycie: npm run server -- <polecenie> --dir FOLDER [opcje]   (hasła podaje się na standardowym wejściu)

  init   --dir FOLDER [--port N] [--host ADRES …] [--listen ADRESY]
         Tworzy serwer (klaster PostgreSQL z własnym certyfikatem, baza Asysty) i uruchamia go.
         Wypisuje kod parowania (dla komputerów biura) i jednorazowy kod założenia biura.
         --host: adres IPv4 lub nazwa, pod którą komputery biura widzą serwer (można powtórzyć;
         pierwszy trafia do kodu parowania). Domyślnie adresy tego komputera w sieci lokalnej.
  start  --dir FOLDER [--port N]       Uruchamia serwer, uaktualnia schemat bazy po aktualizacji
                                       Asysty; wypisuje kod parowania.
  stop   --dir FOLDER                  Zatrzymuje serwer.
  status --dir FOLDER                  Stan serwera, port, wersja, folder danych, szyfrowanie dysku.
  backup --dir FOLDER --out PLIK|FOLDER
         Zaszyfrowana kopia zapasowa całej bazy i kont (hasło kopii: co najmniej 12 znaków).
         Kopia jest sprawdzana po zapisaniu.
  restore --dir FOLDER --from PLIK
         Przywraca kopię (hasło kopii). Obecna baza zostaje zachowana pod inną nazwą.
  renew-cert --dir FOLDER [--host ADRES …]
         Nowy certyfikat serwera od jego CA (przed wygaśnięciem albo dla innych adresów).
         Kod parowania zostaje ten sam, chyba że zmieni się pierwszy adres.
  reset-password --dir FOLDER --login LOGIN
         Ustawia nowe hasło kierownika (gdy je zapomniał). Nowe hasło na standardowym wejściu.
  move   --dir FOLDER --from FOLDER_DANYCH [--login LOGIN]
         Przenosi biuro z trybu „Ten komputer” (folder danych Asysty) na ten serwer, zaraz po init:
         kopiuje wszystko w jednej transakcji (z dziennikiem zdarzeń) i sprawdza kopię.
         Login (jeśli nie podano --login) i hasło kierownika na standardowym wejściu.
         Wypisuje jednorazowe hasła pozostałych osób; folder danych zostaje oznaczony jako przeniesiony.
`;

type Values = Record<string, string | boolean | string[] | undefined>;

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`Brak opcji --${name}.\n\n${USAGE}`, 2);
  return value;
}

function portOption(values: Values): number | undefined {
  const raw = values.port;
  if (raw === undefined) return undefined;
  const port = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1024 && port <= 65535)) throw new CliError('Port musi być liczbą od 1024 do 65535.', 2);
  return port;
}

/** The pairing code of a server's settings (its first host, its port, its CA's fingerprint). */
export function pairingCodeOf(config: ServerConfig): string {
  return formatPairingCode({ host: config.hosts[0] ?? '127.0.0.1', port: config.port, fingerprint: Buffer.from(config.caFingerprint, 'hex') });
}

async function newPassword(secrets: SecretReader, prompt: string, related: string[] = []): Promise<string> {
  const password = await secrets.read(prompt);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new CliError(checked.error.issues.map((i) => i.message).join(' '), 2);
  if (related.some((word) => word.length >= 3 && password.toLowerCase().includes(word.toLowerCase()))) {
    throw new CliError('Hasło nie może zawierać loginu.', 2);
  }
  if (process.stdin.isTTY && (await secrets.read('Powtórz hasło: ')) !== password) throw new CliError('Hasła nie są takie same.', 2);
  return password;
}

async function init(dir: string, values: Values): Promise<void> {
  const hosts = (values.host as string[] | undefined) ?? [];
  for (const host of hosts) {
    if (!isPairingHost(host)) throw new CliError(`„${host}” nie jest adresem IPv4 ani nazwą komputera (np. 192.168.1.20 albo serwer-ops).`, 2);
  }
  const listen = typeof values.listen === 'string' ? values.listen : undefined;
  console.log('Tworzę serwer Asysty…');
  const { config, timings } = await initCluster({ dir, port: portOption(values) ?? DEFAULT_PORT, hosts, ...(listen ? { listen } : {}) });
  console.log(`  klaster PostgreSQL: ${(timings.initdbMs / 1000).toFixed(1)} s, certyfikaty: ${(timings.certificatesMs / 1000).toFixed(1)} s`);
  const started = performance.now();
  const status = await startCluster(dir);
  console.log(`  uruchomienie: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await createOfficeDatabase(dir);
  const setupCode = await withSuperuser(dir, config.database, async (admin) => {
    const applied = await migrateServer(admin);
    console.log(`  schemat bazy: ${applied.length} kroków`);
    return openOfficeSetup(admin);
  });
  console.log(`Serwer działa: port ${status.port}, PostgreSQL ${status.version}, dane w ${status.dataDir}.`);
  console.log(`Adresy w certyfikacie: ${config.hosts.join(', ')}`);
  console.log(`Odcisk certyfikatu CA (SHA-256): ${formatFingerprint(Buffer.from(config.caFingerprint, 'hex'))}`);
  console.log(`Kod założenia biura (jednorazowy, dla pierwszego kierownika): ${setupCode}`);
  for (const line of volumeReport(volumeEncryption(serverPaths(dir).dataDir))) console.log(line);
  console.log(`Kod parowania: ${pairingCodeOf(config)}`);
}

async function start(dir: string, values: Values): Promise<void> {
  const port = portOption(values);
  if (port !== undefined && port !== readConfig(dir).port) {
    if ((await clusterStatus(dir)).running) throw new CliError(`Serwer działa na porcie ${readConfig(dir).port}; zatrzymaj go, aby zmienić port.`, 2);
    writePort(dir, port);
    console.log(`Nowy port: ${port} (komputery biura potrzebują nowego kodu parowania).`);
  }
  const before = await clusterStatus(dir);
  const status = await startCluster(dir);
  console.log(before.running ? `Serwer już działa (port ${status.port}).` : `Serwer działa: port ${status.port}, PostgreSQL ${status.version}.`);
  // After Asysta was updated on the server PC, its database gets the new schema steps here.
  const applied = await withSuperuser(dir, readConfig(dir).database, (admin) => migrateServer(admin));
  if (applied.length > 0) console.log(`Baza uaktualniona: ${applied.join(', ')}.`);
  console.log(`Kod parowania: ${pairingCodeOf(readConfig(dir))}`);
}

async function stop(dir: string): Promise<void> {
  const before = await clusterStatus(dir);
  await stopCluster(dir);
  console.log(before.running ? 'Serwer zatrzymany.' : 'Serwer nie działał.');
}

async function status(dir: string): Promise<void> {
  const config = readConfig(dir);
  const state = await clusterStatus(dir);
  const paths = serverPaths(dir);
  console.log(`Stan: ${state.running ? `działa (PID ${state.pid ?? '?'})` : 'zatrzymany'}`);
  console.log(`Port: ${state.port}`);
  console.log(`PostgreSQL: ${state.version}`);
  console.log(`Folder danych: ${state.dataDir}`);
  console.log(`Adresy w certyfikacie: ${config.hosts.join(', ')}`);
  const serverCert = join(paths.dataDir, 'server.crt');
  if (existsSync(serverCert)) {
    const expiry = certificateExpiry(readFileSync(serverCert, 'utf8'));
    const days = Math.floor((expiry.getTime() - Date.now()) / 86_400_000);
    console.log(`Certyfikat serwera ważny do: ${expiry.toISOString().slice(0, 10)}${days < 60 ? ` — UWAGA: zostało ${days} dni` : ''}`);
  }
  for (const line of volumeReport(volumeEncryption(paths.dataDir))) console.log(line);
  console.log(`Kod parowania: ${pairingCodeOf(config)}`);
}

async function renewCert(dir: string, values: Values): Promise<void> {
  const hosts = (values.host as string[] | undefined) ?? [];
  for (const host of hosts) {
    if (!isPairingHost(host)) throw new CliError(`„${host}” nie jest adresem IPv4 ani nazwą komputera (np. 192.168.1.20 albo serwer-ops).`, 2);
  }
  const before = pairingCodeOf(readConfig(dir));
  const config = await renewServerCertificate(dir, hosts);
  const expiry = certificateExpiry(readFileSync(join(serverPaths(dir).dataDir, 'server.crt'), 'utf8'));
  console.log(`Nowy certyfikat serwera ważny do ${expiry.toISOString().slice(0, 10)}, adresy: ${config.hosts.join(', ')}.`);
  const after = pairingCodeOf(config);
  if (after !== before) console.log('Pierwszy adres się zmienił: komputery biura trzeba połączyć ponownie nowym kodem.');
  console.log(`Kod parowania: ${after}`);
}

async function backup(dir: string, values: Values, secrets: SecretReader): Promise<void> {
  const out = resolve(required(values, 'out'));
  const target = isDirectory(out) ? join(out, serverBackupFileName(new Date())) : out;
  if (existsSync(target)) throw new CliError(`Plik ${target} już istnieje — nie zapisano kopii.`, 2);
  const password = await newPassword(secrets, 'Hasło kopii zapasowej: ');
  console.log('Zapisuję kopię zapasową serwera…');
  const result = await backupServer(dir, target, password);
  console.log(`Zapisano i sprawdzono: ${result.file} (${(result.size / 1024 / 1024).toFixed(1)} MB, ${(result.ms / 1000).toFixed(1)} s)`);
  console.log(`SHA-256: ${result.sha256}`);
}

async function restore(dir: string, values: Values, secrets: SecretReader): Promise<void> {
  const file = resolve(required(values, 'from'));
  if (!existsSync(file)) throw new CliError(`Nie ma pliku ${file}.`, 2);
  const password = await secrets.read('Hasło kopii zapasowej: ');
  console.log('Sprawdzam kopię i przywracam…');
  const result = await restoreServer(dir, file, password);
  console.log(`Przywrócono kopię z ${result.createdAt} (${(result.ms / 1000).toFixed(1)} s).`);
  if (result.keptAs) console.log(`Poprzednia baza została zachowana jako „${result.keptAs}” (można ją usunąć, gdy nie będzie potrzebna).`);
}

/**
 * A kierownik's new password, set at the server (she forgot hers). The server gets only the SCRAM
 * verifier; only a login role of the kierownik group is accepted. Recorded in the audit trail as
 * `user.password_reset` with no actor (nobody was signed in).
 */
export async function resetHeadPassword(dir: string, login: string, password: string): Promise<string> {
  const roles = serverRoles();
  const role = loginRole(roles, login);
  return withSuperuser(dir, readConfig(dir).database, async (client) => {
    const found = await client.query<{ head: boolean; login: boolean }>(
      'SELECT pg_has_role(r.oid, $2, $3) AS head, r.rolcanlogin AS login FROM pg_roles r WHERE r.rolname = $1',
      [role, roles.groups.head, 'MEMBER'],
    );
    const row = found.rows[0];
    if (!row) throw new CliError(`Na serwerze nie ma konta „${login}”.`, 3);
    if (!row.head) throw new CliError(`Konto „${login}” nie jest kontem kierownika — hasło innych osób ustawia kierownik w Asyście.`, 3);
    if (!row.login) throw new CliError(`Konto „${login}” jest wyłączone.`, 3);
    // The new verifier and its audit entry together (the chain is linked by the database's trigger).
    await client.query('BEGIN');
    try {
      await client.query(`ALTER ROLE ${pg.escapeIdentifier(role)} PASSWORD ${pg.escapeLiteral(scramVerifier(password))}`);
      const user = await client.query<{ id: string }>('SELECT id FROM "user" WHERE db_role = $1', [role]);
      const userId = user.rows[0]?.id;
      if (userId) {
        await client.query(
          `INSERT INTO audit_log (at, actor_id, action, entity_type, entity_id, details, prev_hash, hash)
           VALUES ('', NULL, 'user.password_reset', 'user', $1, '{}', '', '')`,
          [userId],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    return role;
  });
}

async function resetPassword(dir: string, values: Values, secrets: SecretReader): Promise<void> {
  const login = loginSchema.safeParse(required(values, 'login'));
  if (!login.success) throw new CliError(login.error.issues.map((i) => i.message).join(' '), 2);
  if (!(await clusterStatus(dir)).running) throw new CliError('Serwer nie działa — uruchom go poleceniem start.', 3);
  const password = await newPassword(secrets, 'Nowe hasło kierownika: ', [login.data]);
  const role = await resetHeadPassword(dir, login.data, password);
  console.log(`Ustawiono nowe hasło konta ${login.data} (rola ${role}).`);
}

async function move(dir: string, values: Values, secrets: SecretReader): Promise<void> {
  const from = resolve(required(values, 'from'));
  const typedLogin = typeof values.login === 'string' ? values.login : await secrets.read('Login kierownika: ');
  const login = loginSchema.safeParse(typedLogin);
  if (!login.success) throw new CliError(login.error.issues.map((i) => i.message).join(' '), 2);
  const password = await secrets.read('Hasło kierownika: ');
  console.log(`Przenoszę biuro z ${from} na serwer…`);
  const result = await moveOffice({ serverDir: dir, dataDir: from, login: login.data, password, log: (line) => console.log(line) });
  console.log('Skopiowano i sprawdzono (liczba wierszy i skrót treści każdej tabeli — takie same tu i na serwerze):');
  for (const table of result.tables) {
    console.log(`  ${table.table.padEnd(26)} ${String(table.rows).padStart(9)}  ${table.digest.slice(0, 16)}${table.derived ? '  (odtworzone przez serwer)' : ''}`);
  }
  console.log(`Dziennik zdarzeń: ${result.auditHead.seq} wpisów, ostatni skrót ${result.auditHead.hash} — taki sam na serwerze.`);
  const t = result.timings;
  console.log(`Czas: ${(t.totalMs / 1000).toFixed(1)} s (sprawdzenie ${(t.checkMs / 1000).toFixed(1)} s, kopia ${(t.copyMs / 1000).toFixed(1)} s, weryfikacja ${(t.verifyMs / 1000).toFixed(1)} s).`);
  console.log('Konta na serwerze:');
  for (const account of result.accounts) {
    const how = account.password ? `hasło jednorazowe: ${account.password}` : account.active ? 'hasło: to, które właśnie podano' : 'konto wyłączone (bez logowania)';
    console.log(`  ${account.login.padEnd(20)} ${account.name} — ${how}`);
  }
  if (result.accounts.some((a) => a.password)) {
    console.log('Hasła jednorazowe są pokazane tylko teraz: przekaż je osobom osobiście; każda zmienia je po pierwszym logowaniu (Moje konto → Zmiana hasła).');
    console.log('Hasła z tego komputera nie przechodzą na serwer: Asysta przechowuje tylko klucze z nich wyprowadzone.');
  }
  console.log(`Folder ${from} jest oznaczony jako przeniesiony: Asysta nie będzie w nim już zapisywać.`);
  console.log('Na każdym komputerze biura wybierz „Serwer w biurze” i wpisz kod parowania.');
  console.log(`Kod parowania: ${pairingCodeOf(readConfig(dir))}`);
}

export async function runServerCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const commands = ['init', 'start', 'stop', 'status', 'backup', 'restore', 'renew-cert', 'reset-password', 'move'];
  if (!command || !commands.includes(command)) {
    console.error(USAGE);
    return command ? 2 : 0;
  }
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        dir: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string', multiple: true },
        listen: { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        login: { type: 'string' },
      },
      strict: true,
    });
    const dir = resolve(required(values, 'dir'));
    const secrets = new SecretReader();
    if (command !== 'init') {
      const port = portOption(values);
      if (port !== undefined && command !== 'start' && port !== readConfig(dir).port) {
        throw new CliError(`Serwer w ${dir} używa portu ${readConfig(dir).port}, nie ${port}.`, 2);
      }
    }
    if (command === 'init') await init(dir, values);
    else if (command === 'start') await start(dir, values);
    else if (command === 'stop') await stop(dir);
    else if (command === 'status') await status(dir);
    else if (command === 'backup') await backup(dir, values, secrets);
    else if (command === 'restore') await restore(dir, values, secrets);
    else if (command === 'renew-cert') await renewCert(dir, values);
    else if (command === 'move') await move(dir, values, secrets);
    else await resetPassword(dir, values, secrets);
    return 0;
  } catch (error) {
    return reportCliError(error, USAGE);
  }
}

if (process.argv[1] && /server[\\/]cli\.(ts|js|cjs|mjs)$/.test(process.argv[1])) {
  void runServerCli(process.argv.slice(2)).then((code) => process.exit(code));
}
