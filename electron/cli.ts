/**
 * The admin CLI for the office's IT help and for scheduled tasks: `npm run cli -- <verb> …`.
 * It runs the same backend as the app. Passwords are read from standard input (never from an
 * argument, which other users of the PC could see in the process list).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from './backend';
import { CliError, reportCliError, SecretReader } from './cli-input';
import { runOnServer } from './cli-server';
import { findUserSlot, recoverySlot } from './db/keyring';
import { UserEntity } from './db/entities';
import { DEMO_MAX_FAMILIES, seedDemo } from './tools/demo';
import { progressLine } from './services/court-export';
import { idSchema, officeSchema, loginSchema, passwordSchema, recoveryCodeSchema } from '../shared/schemas';
import { courtExportSchema, EXPORT_PARTS } from '../shared/court';
import { count } from '../shared/text';

const FONT_DIR = fileURLToPath(new URL('./pdf/fonts', import.meta.url));

const USAGE = `Asysta — narzędzie administracyjne

Użycie: npm run cli -- <polecenie> [opcje]   (hasło podaje się na standardowym wejściu)

  init    --data-dir FOLDER --office NAZWA --login LOGIN [--first-name IMIĘ --last-name NAZWISKO
          --street ULICA --postal-code 00-000 --city MIEJSCOWOŚĆ --gmina GMINA]
          Tworzy ośrodek i konto kierownika; wypisuje kod odzyskiwania.
  init    --server KOD_PAROWANIA --office NAZWA --login LOGIN [opcje jak wyżej]
          Zakłada ośrodek na serwerze w biurze (kod założenia biura i hasło kierownika na wejściu).
  verify  --data-dir FOLDER --login LOGIN
          Sprawdza bazę: hasło, spójność pliku, wersję schematu, pliki kluczy, dziennik zdarzeń.
  verify  --server KOD_PAROWANIA --login LOGIN
          Sprawdza bazę na serwerze: hasło, certyfikat, wersję schematu, dostęp do wierszy, dziennik zdarzeń.
  backup  --data-dir FOLDER --login LOGIN --out PLIK|FOLDER
          Zapisuje zaszyfrowaną kopię zapasową (hasło kierownika). Do folderu: z datą w nazwie,
          starsze kopie ponad liczbę z ustawień ośrodka są usuwane.
  restore --data-dir FOLDER --from PLIK [--login LOGIN]
          Przywraca dane z kopii (z --login: hasło tej osoby z dnia kopii; bez: kod odzyskiwania).
          Obecne dane są zastąpione dopiero po sprawdzeniu kopii.
  seed-demo --data-dir FOLDER --login LOGIN --families N [--seed LICZBA]
          Wprowadza N fikcyjnych rodzin do ośrodka demonstracyjnego (hasło kierownika); brakujący
          pracownicy dostają konta z tym samym hasłem. Przy tym samym --seed dane są takie same.
  export-case --data-dir FOLDER --login LOGIN --case ID --out FOLDER [--request ID]
          [--parts documents,interviews,plans,assessments,chronology,notes]
          Zapisuje akta sprawy dla sądu: jeden plik PDF (okładka, spis treści, wybrane części)
          i archiwum ZIP z osobnymi plikami PDF, manifest.json i SUMY-SHA256.txt.
`;

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new CliError(`Brak opcji --${name}.\n\n${USAGE}`, 2);
  return value;
}

function check<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(result.error.issues.map((i) => i.message).join(' '), 2);
  return result.data;
}

async function init(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const name = required(values, 'office');
  const office = check(officeSchema, {
    name,
    street: values['street'] ?? '—',
    postalCode: values['postal-code'] ?? '00-000',
    city: values['city'] ?? '—',
    gmina: values['gmina'] ?? '—',
  });
  const login = check(loginSchema, required(values, 'login'));
  const password = check(passwordSchema, await secrets.read('Hasło kierownika: '));
  if (process.stdin.isTTY && (await secrets.read('Powtórz hasło: ')) !== password) throw new CliError('Hasła nie są takie same.', 2);
  const result = await backend.invoke('setup:create', {
    office,
    head: { firstName: values['first-name'] ?? 'Kierownik', lastName: values['last-name'] ?? 'Ośrodka', login, password },
  });
  if (!result.ok) throw new CliError(result.error.message);
  const { recoveryCode } = result.value as { recoveryCode: string };
  console.log('Utworzono ośrodek i konto kierownika.');
  console.log('');
  console.log(`KOD ODZYSKIWANIA: ${recoveryCode}`);
  console.log('');
  console.log('Wydrukuj go lub zapisz i przechowuj w sejfie ośrodka. To jedyny sposób odzyskania danych,');
  console.log('gdy wszystkie hasła zostaną zapomniane. Kto ma ten kod, może odczytać wszystkie dane.');
}

async function verify(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const login = check(loginSchema, required(values, 'login'));
  const keyring = await backend.readKeyring();
  const password = await secrets.read('Hasło: ');
  const masterKey = await backend.unwrapWithPassword(keyring, login, password);
  if (!masterKey) throw new CliError('Nieprawidłowy login lub hasło. Niczego nie zmieniono.', 3);
  const db = await backend.openDatabase(masterKey, { migrate: false });
  masterKey.fill(0);
  const problems: string[] = [];
  try {
    const integrity = await db.integrityCheck();
    console.log(integrity.length === 0 ? '✔ Plik bazy danych jest spójny.' : `✘ Plik bazy danych jest uszkodzony: ${integrity.slice(0, 5).join('; ')}`);
    if (integrity.length > 0) problems.push('integralność');
    const applied = await db.appliedMigrations();
    if (await db.hasPendingMigrations()) {
      console.log(`• Schemat bazy: ${count(applied.length, 'migracja', 'migracje', 'migracji')}; program zaktualizuje bazę przy następnym uruchomieniu.`);
    } else {
      console.log(`✔ Schemat bazy jest aktualny (${count(applied.length, 'migracja', 'migracje', 'migracji')}).`);
    }
    const users = await db.read((m) => m.getRepository(UserEntity).find());
    const active = users.filter((u) => u.active);
    const withoutSlot = active.filter((u) => !findUserSlot(keyring, u.login));
    const orphanSlots = keyring.slots.filter((s) => s.kind === 'user' && !active.some((u) => u.id === s.userId));
    if (!recoverySlot(keyring)) problems.push('brak klucza odzyskiwania');
    if (orphanSlots.length > 0) problems.push('klucze bez aktywnego konta');
    console.log(
      `${recoverySlot(keyring) && orphanSlots.length === 0 ? '✔' : '✘'} Plik kluczy: ${count(keyring.slots.length, 'klucz', 'klucze', 'kluczy')} (aktywne konta: ${active.length}, klucz odzyskiwania: ${recoverySlot(keyring) ? 'jest' : 'BRAK'}${orphanSlots.length ? `, kluczy bez aktywnego konta: ${orphanSlots.length}` : ''}).`,
    );
    if (withoutSlot.length > 0) console.log(`• Konta bez hasła (kierownik musi ustawić nowe hasło): ${withoutSlot.map((u) => u.login).join(', ')}`);
    const chain = await db.read((m) => backend.audit.verify(m, keyring.anchor));
    console.log(`${chain.ok ? '✔' : '✘'} ${chain.message}`);
    if (!chain.ok) problems.push('dziennik zdarzeń');
  } finally {
    await db.close();
  }
  if (problems.length > 0) throw new CliError(`Wykryto problemy: ${problems.join(', ')}.`, 4);
  console.log('Baza danych jest w porządku.');
}

async function backup(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const login = check(loginSchema, required(values, 'login'));
  const out = resolve(required(values, 'out'));
  const result = await backend.backup.backupWithPassword(login, await secrets.read('Hasło: '), out);
  console.log(`Zapisano kopię zapasową: ${resolve(result.folder, result.fileName)}`);
  console.log(`Rozmiar: ${result.size} B, SHA-256: ${result.sha256}`);
  if (result.removed.length > 0) console.log(`Usunięto starsze kopie: ${result.removed.join(', ')}`);
}

async function restore(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const from = resolve(required(values, 'from'));
  const login = values['login'];
  const result =
    typeof login === 'string'
      ? await backend.backup.restore(from, { method: 'password', login: check(loginSchema, login), password: await secrets.read('Hasło: ') })
      : await backend.backup.restore(from, { method: 'recovery', recoveryCode: check(recoveryCodeSchema, await secrets.read('Kod odzyskiwania: ')) });
  console.log(`Przywrócono dane z kopii zapasowej z ${new Date(result.backupCreatedAt).toLocaleString('pl-PL')} (SHA-256: ${result.sha256}).`);
  console.log(`Sprawdzono plik bazy danych i dziennik zdarzeń (wpisów: ${result.auditEntries}).`);
}

async function seedDemoCommand(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const login = check(loginSchema, required(values, 'login'));
  const families = Number(required(values, 'families'));
  const seed = values['seed'] === undefined ? 1 : Number(values['seed']);
  if (!Number.isInteger(families) || families < 1 || families > DEMO_MAX_FAMILIES) throw new CliError(`--families: liczba od 1 do ${DEMO_MAX_FAMILIES}.`, 2);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new CliError('--seed: liczba całkowita od 0 do 4294967295.', 2);
  const password = await secrets.read('Hasło kierownika: ');
  const signedIn = await backend.invoke('session:login', { login, password });
  if (!signedIn.ok) throw new CliError(signedIn.error.message, 3);
  const report = await seedDemo(backend, { families, seed, staffPassword: password, log: (line) => console.log(line) });
  const created = report.staff.filter((s) => s.created);
  console.log(`Wprowadzono rodzin: ${report.families.length} (kroków: ${report.steps}) w ${(report.timings.totalMs / 1000).toFixed(1)} s.`);
  const letters = report.families.flatMap((f) => f.court);
  console.log(
    `Pisma sądów: ${letters.length} (bez odpowiedzi: ${letters.filter((c) => c.status === 'open').length}, w tym po terminie: ${letters.filter((c) => c.status === 'open' && c.deadline < report.today).length}); opinie o rodzinie wydane: ${letters.filter((c) => c.opinion === 'issued').length}.`,
  );
  if (created.length > 0) console.log(`Nowe konta (hasło jak kierownika): ${created.map((s) => s.login).join(', ')}`);
}

async function exportCase(backend: Backend, values: Record<string, string | boolean | undefined>, secrets: SecretReader): Promise<void> {
  const login = check(loginSchema, required(values, 'login'));
  const caseId = check(idSchema, required(values, 'case'));
  const requestId = values['request'] === undefined ? undefined : check(idSchema, values['request']);
  const parts = typeof values['parts'] === 'string' ? values['parts'].split(',').map((p) => p.trim()).filter(Boolean) : [...EXPORT_PARTS];
  const input = check(courtExportSchema, { caseId, requestId, parts, folder: resolve(required(values, 'out')) });
  const signedIn = await backend.invoke('session:login', { login, password: await secrets.read('Hasło: ') });
  if (!signedIn.ok) throw new CliError(signedIn.error.message, 3);
  console.log('Przygotowuję akta…');
  // The same code path as the app's court:export (access, audit, files), with progress on the terminal.
  const result = await backend.courtExport.run(backend.requestContext('court:export'), input, (p) => console.log(`  ${progressLine(p)}`));
  console.log(`Zapisano w ${result.folder}:`);
  console.log(`  ${result.bundle.name}  (${result.bundle.pages} stron)  SHA-256: ${result.bundle.sha256}`);
  console.log(`  ${result.zip.name}  SHA-256: ${result.zip.sha256}`);
  for (const file of result.files) console.log(`    ${file.sha256}  ${file.name}`);
  console.log(`Czas: ${(result.ms / 1000).toFixed(1)} s.`);
}

const COMMANDS = { init, verify, backup, restore, 'seed-demo': seedDemoCommand, 'export-case': exportCase } as const;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !(command in COMMANDS)) {
    console.error(USAGE);
    return command ? 2 : 0;
  }
  let backend: Backend | null = null;
  try {
    const { values } = parseArgs({
      args: rest,
      options: Object.fromEntries(
        ['data-dir', 'server', 'office', 'login', 'first-name', 'last-name', 'street', 'postal-code', 'city', 'gmina', 'out', 'from', 'families', 'seed', 'case', 'request', 'parts'].map((name) => [name, { type: 'string' as const }]),
      ),
      strict: true,
    });
    if (typeof values['server'] === 'string') {
      await runOnServer(command, values, new SecretReader());
      return 0;
    }
    backend = createBackend({
      dataDir: required(values, 'data-dir'),
      idleCheckMs: 0,
      // The app's log lines (migrations, restore steps) are for the shell's log file; the CLI reports its own
      // steps on stdout and prints only failures on stderr.
      log: (m, e) => {
        if (e !== undefined) console.error(m, e);
      },
      // The CLI runs from the source tree (tsx): the PDF worker and the fonts are there.
      pdfWorkerPath: fileURLToPath(new URL('./pdf/worker.ts', import.meta.url)),
      fontDir: FONT_DIR,
    });
    await COMMANDS[command as keyof typeof COMMANDS](backend, values, new SecretReader());
    return 0;
  } catch (error) {
    return reportCliError(error, USAGE);
  } finally {
    await backend?.close();
  }
}

if (process.argv[1] && /cli\.(ts|js|cjs|mjs)$/.test(process.argv[1])) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
