import type { DataSource, EntityManager, EntitySchema, EntitySchemaColumnOptions, ValueTransformer } from 'typeorm';

/**
 * The data-access convention (docs/architecture.md, "Reaching the database"):
 * every table has a TypeORM EntitySchema, and the entity is the one place that
 * says how the table's rows become objects. Simple reads and writes go through
 * the entity's repository; set-based statements (CTEs, upserts, aggregates over
 * many organizations) are plain SQL whose select list comes from the entity, so
 * no statement spells a table's columns or casts its rows by hand.
 */

/** Anything that runs SQL: the data source, or a transaction's manager. */
export type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/**
 * How a column is read so that node-postgres yields the entity's value:
 * an inet as its host address (inet prints a prefix length for anything but a
 * full-length mask), a date as YYYY-MM-DD text (node-postgres would make a
 * local-time Date of it). Anything else the entity wants changed (a bigint
 * counter as a number) is its column's transformer, which the repository and
 * selectRows both apply.
 */
function readExpression(qualified: string, type: EntitySchemaColumnOptions['type']): string {
  switch (type) {
    case 'inet':
      return `host(${qualified})`;
    case 'date':
      return `${qualified}::text`;
    default:
      return qualified;
  }
}

const columnLists = new WeakMap<EntitySchema<never>, Map<string, string>>();

/**
 * The entity's columns as a select list, each read as readExpression says and
 * named by its property: `d.organization_id AS "organizationId", host(d.ip_address) AS "ipAddress"`.
 * Computed once per (entity, alias).
 */
export function columnsOf<T>(entity: EntitySchema<T>, alias?: string): string {
  const key = entity as unknown as EntitySchema<never>;
  let byAlias = columnLists.get(key);
  if (!byAlias) columnLists.set(key, (byAlias = new Map()));
  const cached = byAlias.get(alias ?? '');
  if (cached !== undefined) return cached;
  const prefix = alias ? `${alias}.` : '';
  const columns = entity.options.columns as Record<string, EntitySchemaColumnOptions>;
  const list = Object.entries(columns)
    .map(([property, column]) => `${readExpression(prefix + (column.name ?? property), column.type)} AS "${property}"`)
    .join(', ');
  byAlias.set(alias ?? '', list);
  return list;
}

/**
 * Runs a set-based statement whose select (or RETURNING) list is the entity's,
 * given to `statement` as `columns`, and returns its rows as the entity's type.
 * `Extra` names columns the statement adds beside the entity's (a sort key, a
 * group key); they are declared where the statement is.
 */
export async function selectRows<T, Extra extends object = object>(
  queryable: Queryable,
  entity: EntitySchema<T>,
  statement: (columns: string) => string,
  parameters: readonly unknown[] = [],
  alias?: string,
): Promise<(T & Extra)[]> {
  const result: (T & Extra)[] | RowsAndCount<T & Extra> = await queryable.query(statement(columnsOf(entity, alias)), parameters as unknown[]);
  const rows = isRowsAndCount(result) ? result[0] : result;
  const transforms = transformsOf(entity);
  if (transforms.length > 0) {
    for (const row of rows) {
      const fields = row as Record<string, unknown>;
      for (const [property, from] of transforms) fields[property] = from(fields[property]);
    }
  }
  return rows;
}

type Transform = [property: string, from: (value: unknown) => unknown];

const transforms = new WeakMap<EntitySchema<never>, Transform[]>();

/** The entity's column transformers' `from`, applied last to first as TypeORM does; worked out once per entity. */
function transformsOf<T>(entity: EntitySchema<T>): Transform[] {
  const key = entity as unknown as EntitySchema<never>;
  const known = transforms.get(key);
  if (known) return known;
  const columns = entity.options.columns as Record<string, EntitySchemaColumnOptions>;
  const found = Object.entries(columns).flatMap(([property, column]): Transform[] => {
    if (!column.transformer) return [];
    const chain = ([] as ValueTransformer[]).concat(column.transformer).reverse();
    return [[property, (value: unknown) => chain.reduce((current, transformer) => transformer.from(current), value)]];
  });
  transforms.set(key, found);
  return found;
}

/** A bigint column read as a number: for counters and sequence numbers, exact below 2^53. */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (stored: string | null) => (stored === null ? null : Number(stored)),
};

/** TypeORM's answer to an UPDATE or DELETE (a WITH … UPDATE too): its RETURNING rows and the count of rows it changed. */
type RowsAndCount<Row> = [Row[], number];

/** Every other statement is answered with its rows alone, and a row is an object, never an array. */
function isRowsAndCount<Row>(result: Row[] | RowsAndCount<Row>): result is RowsAndCount<Row> {
  return Array.isArray(result[0]);
}
