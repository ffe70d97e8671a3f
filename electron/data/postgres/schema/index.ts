/** The office server's schema, oldest step first (electron/data/postgres/migrate.ts). */
import { tables } from './0001-tables';
import { access } from './0002-access';
import { audit } from './0003-audit';
import { numbering } from './0004-numbering';
import { search } from './0005-search';
import { caseFileIndexes } from './0006-case-file-indexes';
import { trayKeys } from './0007-tray-keys';
import { statsAndSearchOrder } from './0008-stats-and-search-order';
import { openCases } from './0009-open-cases';
import { accessParity } from './0010-access-parity';
import { officeDocuments } from './0011-office-documents';
import { courtRequestCase } from './0012-court-request-case';
import { personAndRecordParity } from './0013-person-and-record-parity';
import type { ServerSchemaStep } from './step';

export const SERVER_SCHEMA: readonly ServerSchemaStep[] = [tables, access, audit, numbering, search, caseFileIndexes, trayKeys, statsAndSearchOrder, openCases, accessParity, officeDocuments, courtRequestCase, personAndRecordParity];

/** The schema version this build of Asysta works with. */
export const SERVER_SCHEMA_VERSION = SERVER_SCHEMA.length;
