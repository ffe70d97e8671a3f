/**
 * The entities of electron/db/entities.ts match the schema the migrations build, exactly: every
 * column (name, nullability, type), every foreign key and every index, both ways. TypeORM never
 * creates the schema here (synchronize is off), so a difference would only show as a wrong read
 * or a failed write at run time.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMetadata } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { Database } from '../../../../electron/db/database';
import { tempDir } from '../../../support/backend';
import { readSchema, type TableInfo } from '../../../support/schema';

/** The declared SQLite type a TypeORM column type is stored as. */
function typeName(type: unknown): string {
  const name = typeof type === 'function' ? type.name.toLowerCase() : String(type).toLowerCase();
  return ({ number: 'integer', string: 'text', int: 'integer', 'simple-json': 'text' } as Record<string, string>)[name] ?? name;
}

/**
 * Some flags were added as `integer NOT NULL DEFAULT 0` (0011, 0012): TypeORM's boolean reads and
 * writes them as 0 / 1 exactly like a `boolean` column, so an entity's boolean matches either.
 */
function sameType(entity: string, schema: string): boolean {
  return entity === schema || (entity === 'boolean' && schema === 'integer');
}

/** The facts an entity states about its table, in the words of the schema dump. */
function entityFacts(meta: EntityMetadata): string[] {
  const facts: string[] = [];
  for (const c of meta.columns) {
    facts.push(`column ${c.databaseName}: ${typeName(c.type)}, ${c.isNullable && !c.isPrimary ? 'null' : 'not null'}`);
  }
  for (const fk of meta.foreignKeys) {
    facts.push(`foreign key (${fk.columnNames.join(', ')}) -> ${fk.referencedTablePath}(${fk.referencedColumnNames.join(', ')})`);
  }
  for (const ix of meta.indices) {
    facts.push(`index ${ix.name}: ${ix.isUnique ? 'unique ' : ''}(${ix.columns.map((c) => c.databaseName).join(', ')})${ix.where ? ` where ${ix.where.replace(/\s+/g, ' ')}` : ''}`);
  }
  for (const u of meta.uniques) facts.push(`unique (${u.columns.map((c) => c.databaseName).join(', ')})`);
  for (const c of meta.columns.filter((col) => col.isPrimary)) facts.push(`primary key ${c.databaseName}`);
  return facts.sort();
}

/** The same facts read from the migrated table. */
function tableFacts(table: TableInfo): string[] {
  const facts: string[] = [];
  for (const c of table.columns) facts.push(`column ${c.name}: ${c.type}, ${c.notNull || c.pk ? 'not null' : 'null'}`);
  for (const fk of table.foreignKeys) facts.push(`foreign key (${fk.columns.join(', ')}) -> ${fk.table}(${fk.to.join(', ')})`);
  for (const ix of table.indexes) {
    if (ix.origin === 'c') facts.push(`index ${ix.name}: ${ix.unique ? 'unique ' : ''}(${ix.columns.join(', ')})${ix.where ? ` where ${ix.where}` : ''}`);
    if (ix.origin === 'u') facts.push(`unique (${ix.columns.join(', ')})`);
  }
  for (const c of table.columns.filter((col) => col.pk)) facts.push(`primary key ${c.name}`);
  return facts.sort();
}

describe('entities and schema', () => {
  it('every entity states exactly what its migrated table is: columns, nullability, types, foreign keys, indexes', async () => {
    const dir = tempDir('asysta-entities-');
    const db = await Database.open({ file: join(dir, 'e.db'), masterKey: randomBytes(32) });
    try {
      const schema = await readSchema((sql) => db.dataSource.query(sql) as Promise<unknown[]>);
      const differences: Record<string, { onlyInEntity: string[]; onlyInSchema: string[] }> = {};
      for (const meta of db.dataSource.entityMetadatas) {
        const table = schema.tables.find((t) => t.name === meta.tableName);
        const mine = entityFacts(meta);
        const theirs = table ? tableFacts(table) : ['(no such table)'];
        const matches = (a: string, b: string) => {
          const x = /^column (\S+): (\S+), (.*)$/.exec(a);
          const y = /^column (\S+): (\S+), (.*)$/.exec(b);
          return a === b || (!!x && !!y && x[1] === y[1] && x[3] === y[3] && sameType(x[2]!, y[2]!));
        };
        const onlyInEntity = mine.filter((f) => !theirs.some((t) => matches(f, t)));
        const onlyInSchema = theirs.filter((t) => !mine.some((f) => matches(f, t)));
        if (onlyInEntity.length || onlyInSchema.length) differences[`${meta.name} (${meta.tableName})`] = { onlyInEntity, onlyInSchema };
      }
      expect(differences, 'Make electron/db/entities.ts say what the migrations built (or fix the migration if the entity is right).').toEqual({});
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
