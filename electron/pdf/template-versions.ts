/**
 * The template version of each document, stored with every issued copy in the document register.
 * Kept apart from the .tsx templates so that the main process can read it without loading
 * react-pdf. **Change a document's wording → bump its version here.**
 */
import type { DocumentKind } from './models';

export const TEMPLATE_VERSIONS: Record<DocumentKind, string> = {
  'social-contract': 'kontrakt-socjalny/2010-2',
  'assistant-request': 'wniosek-o-asystenta-rodziny/2',
  'assistant-assignment': 'przydzielenie-asystenta-rodziny/2',
  'family-work-plan': 'plan-pracy-z-rodzina/3',
  'periodic-assessment': 'ocena-okresowa-rodziny/3',
  'court-opinion': 'opinia-o-rodzinie/2',
  'case-file-part': 'akta-sprawy-czesc/2',
  referral: 'skierowanie-pomoc-zywnosciowa-sklep/1',
  'staff-change-letter': 'pismo-zmiana-asystenta-pracownika/1',
  'interview-record': 'rodzinny-wywiad-srodowiskowy/2021-1',
  'asset-statement': 'oswiadczenie-o-stanie-majatkowym/2021-1',
};

export function templateVersionOf(kind: DocumentKind): string {
  return TEMPLATE_VERSIONS[kind];
}
