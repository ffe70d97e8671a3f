/**
 * The template version of each document, stored with every issued copy in the document register.
 * Kept apart from the .tsx templates so that the main process can read it without loading
 * react-pdf. **Change a document's wording → bump its version here.**
 */
import type { DocumentKind } from './models';

export const TEMPLATE_VERSIONS: Record<DocumentKind, string> = {
  'social-contract': 'kontrakt-socjalny/2010-1',
  'assistant-request': 'wniosek-o-asystenta-rodziny/1',
  'assistant-assignment': 'przydzielenie-asystenta-rodziny/1',
  'family-work-plan': 'plan-pracy-z-rodzina/1',
  'periodic-assessment': 'ocena-okresowa-rodziny/1',
  'court-opinion': 'opinia-o-rodzinie/1',
  'recovery-code': 'kod-odzyskiwania/1',
  'case-file-part': 'akta-sprawy-czesc/1',
  referral: 'skierowanie-pomoc-zywnosciowa-sklep/1',
};

export function templateVersionOf(kind: DocumentKind): string {
  return TEMPLATE_VERSIONS[kind];
}
