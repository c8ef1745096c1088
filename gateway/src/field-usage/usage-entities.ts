import { EntitySchema } from 'typeorm';
import { bigintAsNumber } from '@partnergraph/subgraph-kit';
import type { FieldUsage, OperationUsage } from './usage-tally';

export const FieldUsageEntity = new EntitySchema<FieldUsage>({
  name: 'FieldUsage',
  tableName: 'field_usage',
  columns: {
    field: { type: 'text', primary: true },
    hour: { type: 'timestamptz', primary: true },
    clientName: { name: 'client_name', type: 'text', primary: true },
    operationName: { name: 'operation_name', type: 'text', primary: true },
    count: { type: 'bigint', transformer: bigintAsNumber },
    lastSeenAt: { name: 'last_seen_at', type: 'timestamptz' },
  },
});

export const OperationUsageEntity = new EntitySchema<OperationUsage>({
  name: 'OperationUsage',
  tableName: 'operation_usage',
  columns: {
    hour: { type: 'timestamptz', primary: true },
    clientName: { name: 'client_name', type: 'text', primary: true },
    operationName: { name: 'operation_name', type: 'text', primary: true },
    count: { type: 'bigint', transformer: bigintAsNumber },
    lastSeenAt: { name: 'last_seen_at', type: 'timestamptz' },
  },
});
