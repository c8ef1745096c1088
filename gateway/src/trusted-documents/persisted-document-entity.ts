import { EntitySchema } from 'typeorm';

/** A row of gateway.persisted_document: a document published for one client name (migrations.ts). */
export interface PersistedDocumentRow {
  clientName: string;
  id: string;
  body: string;
  operationName: string | null;
  createdAt: Date;
}

export const PersistedDocumentEntity = new EntitySchema<PersistedDocumentRow>({
  name: 'PersistedDocument',
  tableName: 'persisted_document',
  columns: {
    clientName: { name: 'client_name', type: 'text', primary: true },
    id: { type: 'text', primary: true },
    body: { type: 'text' },
    operationName: { name: 'operation_name', type: 'text', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
  },
});
