import type { CaseFileView } from '../../../shared/cases';

/** "Żółć Małgorzata": the person the report is about, as the case lists name the family. */
export function familyName(file: CaseFileView): string {
  const members = file.family.members;
  const applicant = members.find((member) => member.relation === 'applicant') ?? members[0];
  return applicant ? `${applicant.person.lastName} ${applicant.person.firstName}` : '—';
}
