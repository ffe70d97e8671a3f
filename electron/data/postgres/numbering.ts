/**
 * Office numbers on the server (schema/0004-numbering.ts): the next case or register number of a
 * year, gapless and unique under concurrent writers. Call inside the transaction that writes the
 * numbered row: the year's counter stays locked until it commits or rolls back.
 */
import type { ClientBase } from 'pg';

export type NumberKind = 'case_number' | 'document_number';

export async function nextNumber(client: ClientBase, kind: NumberKind, year: string): Promise<number> {
  const { rows } = await client.query<{ value: number }>('SELECT asysta.next_number($1, $2) AS value', [kind, year]);
  return rows[0]!.value;
}
