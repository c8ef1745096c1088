import { EntitySchema } from 'typeorm';
import type { Logger } from '@partnergraph/core';
import { Gauge, selectRows, type Database, type Queryable } from '@partnergraph/subgraph-kit';

/** Which of the keys identity holds: the access tokens' signing key, or the gateway's internal-token key (its public half). */
export type SigningKeyPurpose = 'access_token' | 'internal_token';

/** A row of identity.signing_key: a key identity has run with, and since when. */
export interface SigningKey {
  kid: string;
  purpose: SigningKeyPurpose;
  firstUsedAt: Date;
}

export const SigningKeyEntity = new EntitySchema<SigningKey>({
  name: 'SigningKey',
  tableName: 'signing_key',
  columns: {
    kid: { type: 'text', primary: true },
    purpose: { type: 'text' },
    firstUsedAt: { name: 'first_used_at', type: 'timestamptz', createDate: true },
  },
});

/** The keys in use now, by `kid`: records any not seen before (first used now) and returns each one's row, in one statement. */
export async function recordSigningKeys(queryable: Queryable, keys: readonly Pick<SigningKey, 'kid' | 'purpose'>[]): Promise<SigningKey[]> {
  return selectRows(
    queryable,
    SigningKeyEntity,
    (columns) => `
      WITH added AS (
        INSERT INTO identity.signing_key (kid, purpose)
        SELECT * FROM unnest($1::text[], $2::text[])
        ON CONFLICT (kid) DO NOTHING
        RETURNING ${columns}
      )
      SELECT * FROM added
      UNION ALL
      SELECT ${columns} FROM identity.signing_key WHERE kid = ANY($1::text[])`,
    [keys.map((key) => key.kid), keys.map((key) => key.purpose)],
  );
}

/**
 * `partnergraph_signing_key_age_seconds`: how long each key identity holds has
 * been in use (since identity first ran with it, on any replica), read at each
 * scrape, so that the key-age alert tells an operator to rotate in time. A
 * key's age is the one thing its PEM does not say.
 */
export function signingKeyAge(keys: readonly Pick<SigningKey, 'kid' | 'purpose'>[]): {
  gauge: Gauge<'key'>;
  /** Starts reporting from `database` and records the keys at once, so that their age counts from this start. */
  start(database: Database, logger: Logger): Promise<void>;
} {
  let database: Database | undefined;
  let logger: Logger | undefined;
  const gauge = new Gauge({
    name: 'partnergraph_signing_key_age_seconds',
    help: 'How long identity has been using each key it holds (key: access_token, internal_token), since it first ran with it.',
    labelNames: ['key'] as const,
    registers: [],
    async collect() {
      if (!database) return;
      this.reset();
      try {
        const now = Date.now();
        for (const key of await recordSigningKeys(database.dataSource, keys)) this.set({ key: key.purpose }, (now - key.firstUsedAt.getTime()) / 1000);
      } catch (error) {
        logger?.warn('the signing keys could not be read for metrics', { error });
      }
    },
  });
  return {
    gauge,
    async start(started, startedLogger) {
      database = started;
      logger = startedLogger;
      try {
        await recordSigningKeys(started.dataSource, keys);
      } catch (error) {
        startedLogger.warn('the signing keys in use could not be recorded; the next scrape records them', { error });
      }
    },
  };
}
