import type { ServerSchemaStep } from './step';

/**
 * The server's counterpart of embedded migration 0016 (electron/db/migrations/0016-case-file-indexes.ts):
 * a case's requests for an assistant found by the case, newest first, instead of a scan of the
 * office's requests when the case file opens.
 */
export const caseFileIndexes: ServerSchemaStep = {
  version: 6,
  name: 'indeksy teczki sprawy',
  sql: () => `
CREATE INDEX assistant_request_case ON assistant_request (case_id, filed_on);
`,
};
