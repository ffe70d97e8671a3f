import { describe, expect, it } from 'vitest';
import { courtExportSchema, courtRequestSchema, opinionSaveSchema } from '../../../shared/court';
import { sanitizeFileName } from '../../../shared/file-names';

const ID = '00000000-0000-4000-8000-000000000001';
const REQUEST = { caseId: ID, court: 'Sąd Rejonowy w Bielicach', division: 'III Wydział Rodzinny i Nieletnich', caseReference: 'III Nsm 123/25', receivedOn: '2026-03-02', asks: 'both', deadline: '2026-03-16' };

describe('court schemas', () => {
  it('accepts a court letter and refuses bad fields in Polish', () => {
    expect(courtRequestSchema.parse(REQUEST)).toMatchObject({ caseReference: 'III Nsm 123/25', notes: '' });
    const bad = courtRequestSchema.safeParse({ ...REQUEST, court: ' ', caseReference: 'III Nsm', asks: 'wszystko', deadline: '16.03.2026' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      court: 'Sąd: pole jest wymagane.',
      caseReference: 'Sygnatura akt: nieprawidłowa sygnatura (np. III Nsm 123/25).',
      asks: 'Wybierz, o co prosi sąd.',
      deadline: 'Nieprawidłowa data (oczekiwano RRRR-MM-DD).',
    });
    expect(courtRequestSchema.safeParse({ ...REQUEST, caseReference: 'III Nsm 1/25\n' }).success).toBe(true); // trimmed
    expect(courtRequestSchema.safeParse({ ...REQUEST, caseReference: 'III\u0007Nsm 1/25' }).success).toBe(false);
  });

  it('the export: parts in the bundle order, at least one, a full folder path, a request or a case', () => {
    expect(courtExportSchema.parse({ requestId: ID, parts: ['notes', 'documents', 'chronology'], folder: '/media/pendrive' }).parts).toEqual(['documents', 'chronology', 'notes']);
    expect(courtExportSchema.safeParse({ requestId: ID, parts: [], folder: '/media/pendrive' }).error?.issues[0]?.message).toBe('Wybierz co najmniej jedną część akt.');
    expect(courtExportSchema.safeParse({ requestId: ID, parts: ['notes'], folder: 'akta' }).success).toBe(false);
    expect(courtExportSchema.safeParse({ parts: ['notes'], folder: 'D:\\Akta' }).error?.issues[0]?.message).toBe('Wskaż pismo sądu albo sprawę.');
    expect(courtExportSchema.safeParse({ caseId: ID, parts: ['notes'], folder: 'D:\\Akta' }).success).toBe(true);
  });

  it('an opinion takes every section (a missing one as empty) and needs a version', () => {
    const sections = { compositionAndHistory: '', housing: '', finances: '', relations: '', childcareSchoolHealth: '', cooperationAndPlan: '', strengthsAndRisks: '', conclusions: 'x' };
    expect(opinionSaveSchema.safeParse({ requestId: ID, expectedVersion: 0, sections }).success).toBe(true);
    const { housing: _h, ...missing } = sections;
    // A section the draft does not carry yet (one added later, such as "Źródła informacji") is taken as empty.
    expect(opinionSaveSchema.parse({ requestId: ID, expectedVersion: 0, sections: missing }).sections.housing).toBe('');
    expect(opinionSaveSchema.safeParse({ requestId: ID, sections }).success).toBe(false);
    expect(opinionSaveSchema.safeParse({ requestId: ID, expectedVersion: 0, sections: { ...sections, conclusions: 'x'.repeat(20_001) } }).error?.issues[0]?.message).toBe('Wnioski: najwyżej 20000 znaków.');
  });

  it('file names from a sygnatura', () => {
    expect(sanitizeFileName('III Nsm 123/25')).toBe('III_Nsm_123-25');
    expect(sanitizeFileName('')).toBe('akta');
    expect(sanitizeFileName('Zażółć 1/26')).toBe('Zażółć_1-26');
  });
});
