/**
 * One family with a row in every table that holds family data, written through a person's own
 * connection (so the row-level policies' INSERT checks run too). Returns every id written.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface FamilyRows {
  caseId: string;
  familyId: string;
  personIds: string[];
  memberIds: string[];
  /** table → ids of its rows (tables keyed by id). */
  rows: Record<string, string[]>;
}

export async function insert(client: pg.Client, table: string, row: Record<string, unknown>): Promise<void> {
  const columns = Object.keys(row);
  await client.query(
    `INSERT INTO ${table === 'user' ? '"user"' : table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
    Object.values(row),
  );
}

const tracked = (userId: string) => {
  const now = new Date().toISOString();
  return { created_at: now, created_by: userId, updated_at: now, updated_by: userId, version: 1 };
};

/** Writes a family and its case, led by `workerId`, through `client`; `assistantId` is named in its plan. */
export async function writeFamily(client: pg.Client, workerId: string, assistantId: string, surname: string): Promise<FamilyRows> {
  const t = tracked(workerId);
  const rows: Record<string, string[]> = {};
  const add = async (table: string, row: Record<string, unknown> & { id: string }) => {
    await insert(client, table, row);
    (rows[table] ??= []).push(row.id);
    return row.id;
  };
  const personIds = [randomUUID(), randomUUID()];
  await add('person', { id: personIds[0]!, pesel: null, document_type: 'passport', document_number: `AB${Math.floor(Math.random() * 1e7)}`, first_name: 'Anna', last_name: surname, birth_date: '1990-01-01', sex: 'F', citizenship: 'PL', phone: null, name_key: surname.toLowerCase(), ...t });
  await add('person', { id: personIds[1]!, pesel: null, document_type: 'passport', document_number: `CD${Math.floor(Math.random() * 1e7)}`, first_name: 'Jaś', last_name: surname, birth_date: '2015-01-01', sex: 'M', citizenship: 'PL', phone: null, name_key: surname.toLowerCase(), ...t });
  const familyId = await add('family', { id: randomUUID(), kind: 'family', street: 'ul. Polna 3', postal_code: '00-001', city: 'Bielice', rural: true, farm_hectares: 1.25, housing: 'dom', ...t });
  const memberIds = [
    await add('family_member', { id: randomUUID(), family_id: familyId, person_id: personIds[0], position: 0, relation: 'applicant', in_household: true, ...t }),
    await add('family_member', { id: randomUUID(), family_id: familyId, person_id: personIds[1], position: 1, relation: 'child', in_household: true, ...t }),
  ];
  const number = (await client.query<{ n: number }>(`SELECT asysta.next_number('case_number', '2026') AS n`)).rows[0]!.n;
  const caseId = await add('case_file', {
    id: randomUUID(), number: `OPS.AR.${number}.2026`, family_id: familyId, status: 'ASSISTANT_WORK', reported_on: '2026-01-05', source: 'school', source_details: '', report: 'zgłoszenie',
    urgent: false, minor_parent: false, reasons: '[]', worker_id: workerId, interview_due: '2026-01-20', ...t,
  });
  const byCase = { case_id: caseId };
  await add('family_address', { id: randomUUID(), family_id: familyId, street: 'ul. Polna 3', postal_code: '00-001', city: 'Bielice', rural: true, ...t });
  await add('child_placement', { id: randomUUID(), member_id: memberIds[1], whereabouts: 'foster', from_on: '2026-01-01', note: '', ...t });
  const interviewId = await add('interview', { id: randomUUID(), ...byCase, kind: 'full', form_version: '1', place: 'dom', worker_id: workerId, segments: '{}', documents: '[]', income: '[]', status: 'draft', ...t });
  await add('analysis', { id: randomUUID(), ...byCase, reasons: '[]', strengths: '', resources: '', conclusions: '', ...t });
  await add('assistant_request', { id: randomUUID(), ...byCase, justification: 'potrzebny asystent', filed_on: '2026-02-01', filed_by: workerId, status: 'pending', ...t });
  await add('case_event', { id: randomUUID(), ...byCase, occurred_on: '2026-01-05', kind: 'intake', title: 'Zgłoszenie', body: '', significant: true, author_id: workerId, created_at: t.created_at });
  const action = JSON.stringify([{ description: 'Zapisać dziecko na zajęcia', deadline: '2026-03-01', status: 'open' }]);
  await add('contract', {
    id: randomUUID(), ...byCase, variant: 'A', status: 'signed', client_ids: '[]', worker_id: workerId, causes: '', possibilities: '', limitations: '', main_goal: 'cel',
    partial_goals: '[]', actions: action, period_from: '2026-02-01', period_to: '2026-08-01', ...t,
  });
  const areas = JSON.stringify([{ name: 'Szkoła', goals: [{ name: 'Frekwencja', tasks: [{ description: 'Rozmowa z pedagogiem', deadline: '2026-03-15', status: 'open' }] }] }]);
  await add('plan', { id: randomUUID(), ...byCase, number: 1, type: 'standard', coordinator: '', areas, status: 'signed', assistant_id: assistantId, ...t });
  await add('visit', { id: randomUUID(), ...byCase, visited_on: '2026-02-10', place: 'dom', participants: '[]', topics: '', agreed: '', author_id: workerId, ...t });
  await add('assessment', { id: randomUUID(), ...byCase, assessed_on: '2026-03-01', period_from: '2026-02-01', period_to: '2026-03-01', progress: '[]', changes: '', recommendation: 'continue', author_id: workerId, ...t });
  const requestId = await add('court_request', { id: randomUUID(), ...byCase, court: 'Sąd Rejonowy', division: 'III', case_reference: 'III Nsm 1/26', received_on: '2026-02-01', asks: 'opinion', deadline: '2026-03-01', status: 'open', notes: '', ...t });
  await add('court_opinion', { id: randomUUID(), request_id: requestId, ...byCase, status: 'draft', sections: '{}', author_id: workerId, ...t });
  await add('worker_assignment', { id: randomUUID(), ...byCase, worker_id: workerId, from_on: '2026-01-05', reason: '', ...t });
  await add('document', {
    id: randomUUID(), ...byCase, kind: 'contract', subject_id: interviewId, number: `${number}/2026-${surname}`, version: 1, template_version: '1', model_hash: 'a'.repeat(64),
    bytes: Buffer.from('%PDF'), sha256: 'b'.repeat(64), size: 4, pages: 1, issued_on: '2026-02-01', issued_by: workerId, issued_at: t.created_at,
  });
  await insert(client, 'form_draft', { user_id: workerId, key: `case:${caseId}`, data: '{}', updated_at: t.created_at });
  await insert(client, 'audit_log', { id: 0, at: '', actor_id: workerId, action: 'case.create', entity_type: 'case', entity_id: caseId, case_id: caseId, details: '{}', prev_hash: '', hash: '' });
  return { caseId, familyId, personIds, memberIds, rows };
}
