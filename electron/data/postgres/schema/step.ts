/**
 * One step of the office server's schema (electron/data/postgres/migrate.ts runs them in order,
 * each in its own transaction, and records it in asysta.schema_version).
 */
import type { ServerRoles } from '../roles';

export interface ServerSchemaStep {
  version: number;
  /** Polish, for the server's messages. */
  name: string;
  /** Run as the cluster's superuser first (extensions, database-wide grants). */
  asSuperuser?: (roles: ServerRoles) => string;
  /** Run as the schema owner (SET ROLE): every object it creates is the owner's. */
  sql: (roles: ServerRoles) => string;
}
