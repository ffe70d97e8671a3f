/** What the benches' sessions type and when: shared by the search bench and the lists bench's child process (no seeder here). */
import type { DemoFamily } from '../../electron/tools/demo';
import { Rng } from '../../electron/tools/demo/rng';

/** The bench offices' today. */
export const NOW = '2026-06-15T08:00:00.000Z';

/** What people type: surnames whole, begun, without Polish letters; first names; PESEL beginnings; case numbers; addresses; letters as typed. */
export function realisticQueries(families: readonly DemoFamily[], count: number): string[] {
  const rng = new Rng(20260615);
  const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
  const queries: string[] = [];
  while (queries.length < count) {
    const f = rng.pick(families);
    const p = rng.pick(f.members);
    const kind = rng.int(0, 11);
    if (kind === 0) queries.push(p.lastName);
    else if (kind === 1) queries.push(plain(p.lastName).toLowerCase());
    else if (kind === 2) queries.push(p.lastName.slice(0, rng.int(3, 5)));
    else if (kind === 3) queries.push(`${p.firstName} ${p.lastName}`);
    else if (kind === 4) queries.push(`${plain(p.lastName)} ${p.firstName.slice(0, 2)}`);
    else if (kind === 5) queries.push((p.pesel ?? p.documentNumber ?? '').slice(0, rng.pick([6, 8, 11])));
    else if (kind === 6) queries.push(f.caseNumber);
    else if (kind === 7) queries.push(f.caseNumber.split('.').slice(2).join('.'));
    else if (kind === 8) queries.push(`${f.address.street.replace(/^ul\. /, '')} ${f.address.city}`);
    else if (kind === 9) queries.push(f.address.city);
    else {
      // Typing a surname letter by letter.
      const name = p.lastName;
      for (let i = 2; i <= Math.min(name.length, 7); i++) queries.push(name.slice(0, i));
    }
  }
  return queries.slice(0, count);
}
