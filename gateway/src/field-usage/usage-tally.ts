/** One hour's count of a client's operation, or of a field it selected. */
export interface OperationUsage {
  /** The start of the hour (UTC). */
  hour: Date;
  clientName: string;
  operationName: string;
  count: number;
  lastSeenAt: Date;
}

export interface FieldUsage extends OperationUsage {
  /** `Type.field` or `Type.field(argument:)`. */
  field: string;
}

export interface UsageRows {
  operations: OperationUsage[];
  fields: FieldUsage[];
}

const HOUR_MS = 3_600_000;

/** Executions of one client's operation in one hour, per distinct field list (the cached one of its document). */
interface Executions {
  hour: number;
  clientName: string;
  operationName: string;
  lastSeenAt: number;
  byFields: Map<readonly string[], number>;
}

/**
 * Field usage, counted in memory: a request adds one to its (hour, client,
 * operation, document) entry, whatever the number of fields or of values
 * resolved. `fold()` turns those entries into per-field counts, added both
 * to the rows waiting to be written (`takeRows`) and to the running totals
 * Prometheus reads (`totals`).
 */
export class UsageTally {
  /** `rows`: keep rows for a usage store; `totals`: keep running totals for Prometheus. */
  constructor(private readonly keep: { rows: boolean; totals: boolean }) {}

  private executions = new Map<string, Executions>();
  private operationRows = new Map<string, OperationUsage>();
  private fieldRows = new Map<string, FieldUsage>();
  readonly operationTotals = new Map<string, { clientName: string; operationName: string; count: number }>();
  readonly fieldTotals = new Map<string, { clientName: string; operationName: string; field: string; count: number }>();

  record(clientName: string, operationName: string, fields: readonly string[], now: number = Date.now()): void {
    const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
    const key = `${hour}\n${clientName}\n${operationName}`;
    let entry = this.executions.get(key);
    if (!entry) this.executions.set(key, (entry = { hour, clientName, operationName, lastSeenAt: now, byFields: new Map() }));
    entry.lastSeenAt = now;
    entry.byFields.set(fields, (entry.byFields.get(fields) ?? 0) + 1);
  }

  fold(): void {
    const executions = this.executions;
    if (executions.size === 0) return;
    this.executions = new Map();
    for (const { hour, clientName, operationName, lastSeenAt, byFields } of executions.values()) {
      const pair = `${clientName}\n${operationName}`;
      const rowKey = `${hour}\n${pair}`;
      let count = 0;
      const fieldCounts = new Map<string, number>();
      for (const [fields, executed] of byFields) {
        count += executed;
        for (const field of fields) fieldCounts.set(field, (fieldCounts.get(field) ?? 0) + executed);
      }
      if (this.keep.rows) {
        addTo(this.operationRows, rowKey, { hour: new Date(hour), clientName, operationName, count, lastSeenAt: new Date(lastSeenAt) });
        for (const [field, fieldCount] of fieldCounts) {
          addTo(this.fieldRows, `${rowKey}\n${field}`, { hour: new Date(hour), clientName, operationName, field, count: fieldCount, lastSeenAt: new Date(lastSeenAt) });
        }
      }
      if (this.keep.totals) {
        const operationTotal = this.operationTotals.get(pair);
        if (operationTotal) operationTotal.count += count;
        else this.operationTotals.set(pair, { clientName, operationName, count });
        for (const [field, fieldCount] of fieldCounts) {
          const totalKey = `${pair}\n${field}`;
          const fieldTotal = this.fieldTotals.get(totalKey);
          if (fieldTotal) fieldTotal.count += fieldCount;
          else this.fieldTotals.set(totalKey, { clientName, operationName, field, count: fieldCount });
        }
      }
    }
  }

  /** Folds, then hands over the rows not yet written; give them back (`putBack`) if writing them failed. */
  takeRows(): UsageRows {
    this.fold();
    const rows = { operations: [...this.operationRows.values()], fields: [...this.fieldRows.values()] };
    this.operationRows = new Map();
    this.fieldRows = new Map();
    return rows;
  }

  putBack(rows: UsageRows): void {
    for (const row of rows.operations) addTo(this.operationRows, `${row.hour.getTime()}\n${row.clientName}\n${row.operationName}`, row);
    for (const row of rows.fields) addTo(this.fieldRows, `${row.hour.getTime()}\n${row.clientName}\n${row.operationName}\n${row.field}`, row);
  }
}

function addTo<T extends OperationUsage>(rows: Map<string, T>, key: string, row: T): void {
  const existing = rows.get(key);
  if (!existing) {
    rows.set(key, { ...row });
    return;
  }
  existing.count += row.count;
  if (row.lastSeenAt > existing.lastSeenAt) existing.lastSeenAt = row.lastSeenAt;
}
