import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published documents, per client name: a document is trusted for the front
 * end whose manifest named it, so two front ends publish, and are reviewed,
 * apart. The id is the SHA-256 of the body (checked when published), so a row
 * never changes once written.
 */
export class CreatePersistedDocuments1764500000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE gateway.persisted_document (
        client_name text NOT NULL CHECK (client_name <> ''),
        id text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
        body text NOT NULL,
        operation_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_name, id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE gateway.persisted_document');
  }
}

export const persistedDocumentMigrations = [CreatePersistedDocuments1764500000000];
