/** The prepared statements of the data layer (electron/data/raw-sql.ts), for the services that still run their SQL here. */
export { prepared, rawDb, type HasConnection, type RawDatabase, type RawStatement } from '../data/raw-sql';
