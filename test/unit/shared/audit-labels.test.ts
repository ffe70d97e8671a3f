/**
 * Every action code the main process writes to the audit trail has a Polish label: the test reads
 * electron/ and collects the codes given as `action:` of an entry (literals, both arms of a
 * ternary, and templates like `contract.${event}` whose values are listed below).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditValueLabel } from '../../../shared/audit-labels';
import { contractEventSchema } from '../../../shared/family-work';

/** The values behind each template `prefix.${…}` found in an `action:`. */
const TEMPLATE_VALUES: Record<string, readonly string[]> = {
  contract: contractEventSchema.options.map((option) => option.shape.event.value),
  // electron/services/documents.ts read(…, purpose: 'open' | 'print' | 'download')
  document: ['open', 'print', 'download'],
  // The family changes after intake (shared/records.ts FAMILY_CHANGE_KINDS).
  family: ['address', 'member_joins', 'member_leaves', 'child_placed', 'child_returns', 'person_corrected'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function emittedActions(): { codes: Set<string>; templates: Set<string> } {
  const codes = new Set<string>();
  const templates = new Set<string>();
  for (const file of sources('electron')) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\baction:\s*([^\n]*)/g)) {
      const rest = match[1] ?? '';
      // Up to the end of the property (a comma or brace outside quotes is close enough on one line).
      for (const literal of rest.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(literal[1] ?? '');
      for (const template of rest.matchAll(/`([a-z_]+)\.\$\{/g)) templates.add(template[1] ?? '');
    }
  }
  return { codes, templates };
}

describe('audit labels', () => {
  const { codes, templates } = emittedActions();

  it('finds the codes the main process writes (the scan itself works)', () => {
    expect(codes.has('case.create')).toBe(true);
    expect(codes.has('analysis.update')).toBe(true);
    expect(templates.has('contract')).toBe(true);
    expect(codes.size).toBeGreaterThan(40);
  });

  it('has a Polish label for every action code written to the trail', () => {
    const missing = [...codes].filter((code) => !(code in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('knows the values of every templated code, and labels each', () => {
    expect([...templates].filter((prefix) => !(prefix in TEMPLATE_VALUES))).toEqual([]);
    const missing = [...templates].flatMap((prefix) => (TEMPLATE_VALUES[prefix] ?? []).map((value) => `${prefix}.${value}`)).filter((code) => !(code in AUDIT_ACTION_LABELS));
    expect(missing).toEqual([]);
  });

  it('labels read as Polish words, not codes', () => {
    for (const [code, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, code).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(label, code).toMatch(/^[A-ZĄĆĘŁŃÓŚŹŻ]/);
    }
    expect(auditActionLabel('contract.sign')).toBe('Podpisanie kontraktu socjalnego');
  });

  it('reads a status by the kind of record', () => {
    expect(auditValueLabel('contract', 'from', 'in_progress')).toBe('W realizacji');
    expect(auditValueLabel('contract', 'to', 'assessed')).toBe('Oceniony');
    expect(auditValueLabel('court_opinion', 'to', 'approved')).toBe('Zatwierdzona');
    expect(auditValueLabel('plan', 'to', 'awaiting_approval')).toBe('Do zatwierdzenia');
    expect(auditValueLabel('assessment', 'to', 'handed_over')).toBe('Przekazana kierownikowi');
    expect(auditValueLabel('assessment', 'from', 'recorded')).toBe('Nieprzekazana kierownikowi');
    expect(auditValueLabel('case', 'to', 'ASSISTANT_ASSIGNED')).not.toBeNull();
    expect(auditValueLabel(null, 'note', 'zwykły tekst')).toBeNull();
  });
});
