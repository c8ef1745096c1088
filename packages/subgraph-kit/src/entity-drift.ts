import type { DataSource } from 'typeorm';

/**
 * Checks the entities against the tables the migrations built: every table in
 * the subgraph's schema has an entity, every entity column exists with the
 * same type, nullability and primary key, and every table column is mapped.
 * Returns one line per difference; an empty list means they agree. Run by
 * test/federation/entities-match-migrations.test.ts after migrating.
 */
export async function findEntityDrift(dataSource: DataSource, schema: string): Promise<string[]> {
  const rows: { table: string; column: string; type: string; nullable: boolean; primary: boolean }[] = await dataSource.query(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, NULL) AS type, NOT a.attnotnull AS nullable,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS primary
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'migrations'`,
    [schema],
  );
  const tables = new Map<string, Map<string, (typeof rows)[number]>>();
  for (const row of rows) {
    let columns = tables.get(row.table);
    if (!columns) tables.set(row.table, (columns = new Map()));
    columns.set(row.column, row);
  }

  const drift: string[] = [];
  const mapped = new Set<string>();
  for (const metadata of dataSource.entityMetadatas) {
    const table = metadata.tableName;
    mapped.add(table);
    const columns = tables.get(table);
    if (!columns) {
      drift.push(`entity ${metadata.name}: no table ${schema}.${table}`);
      continue;
    }
    const seen = new Set<string>();
    for (const column of metadata.columns) {
      const name = column.databaseName;
      seen.add(name);
      const actual = columns.get(name);
      const where = `${schema}.${table}.${name}`;
      if (!actual) {
        drift.push(`entity ${metadata.name}: no column ${where}`);
        continue;
      }
      const expected = canonicalType(dataSource, String(column.type)) + (column.isArray ? '[]' : '');
      if (expected !== actual.type) drift.push(`${where}: entity says ${expected}, table has ${actual.type}`);
      if (column.isNullable !== actual.nullable) drift.push(`${where}: entity says ${column.isNullable ? 'nullable' : 'NOT NULL'}, table disagrees`);
      if (column.isPrimary !== actual.primary) drift.push(`${where}: entity says ${column.isPrimary ? '' : 'not '}primary key, table disagrees`);
    }
    for (const name of columns.keys()) {
      if (!seen.has(name)) drift.push(`${schema}.${table}.${name}: no property in entity ${metadata.name}`);
    }
  }
  for (const table of tables.keys()) {
    if (!mapped.has(table)) drift.push(`${schema}.${table}: no entity`);
  }
  return drift.sort();
}

/** TypeORM's short names of types, as PostgreSQL's format_type spells them. */
const SPELLED: Readonly<Record<string, string>> = {
  timestamptz: 'timestamp with time zone',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  int2: 'smallint',
  float8: 'double precision',
  float4: 'real',
  bool: 'boolean',
  varchar: 'character varying',
  decimal: 'numeric',
};

/** The type as PostgreSQL's format_type spells it, from TypeORM's normalisation of the entity's type. */
function canonicalType(dataSource: DataSource, type: string): string {
  const normalized = dataSource.driver.normalizeType({ type });
  return SPELLED[normalized] ?? normalized;
}
