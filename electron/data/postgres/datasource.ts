/**
 * TypeORM over the office server, connected as the signed-in person (her login role, verify-full
 * with the pinned CA), with the entities whose services already run on both engines. So far that
 * is the audit trail: AuditService.verify reads the chain through the same repositories on
 * either engine. The other entities join as their services move off SQLite-only SQL
 * (docs/office-server.md).
 */
import { DataSource } from 'typeorm';
import pg from 'pg';
import { AuditEntity, SettingEntity, UserEntity } from '../../db/entities';
import { clientConfig } from '../../server/connect';
import type { ConnectionInfo } from '../../server/cluster';

export const SERVER_ENTITIES = [AuditEntity, SettingEntity, UserEntity];

export async function openServerDataSource(info: ConnectionInfo): Promise<DataSource> {
  const config = clientConfig(info);
  const source = new DataSource({
    type: 'postgres',
    driver: pg,
    host: info.host,
    port: info.port,
    database: info.database,
    username: info.user,
    password: info.password,
    // The same verify-full settings as every other connection to the server (server/connect.ts),
    // handed to node-postgres's pool as they are.
    extra: { ssl: config.ssl },
    connectTimeoutMS: 10_000,
    entities: SERVER_ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: 2,
  });
  return source.initialize();
}
