import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { createLogger } from '@partnergraph/core';
import { seedDemoOrganizations, seedDemoUsers, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { createDatabase, createEmailDelivery, outboxMessageId, type Database, type EmailDelivery, type EmailDeliveryOptions } from '@partnergraph/subgraph-kit';
import { databaseRelay, type DatabaseOutage } from '../support/database-outage';
import { testUser } from '../support/fixtures';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-sink';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Identity's outbox worker against a real SMTP server (smtp-server on
 * 127.0.0.1) and real PostgreSQL: every email goes out once, replicas never
 * send the same row, refusals are counted and retried, then given up on.
 */

const FROM = 'PartnerGraph <no-reply@partnergraph.test>';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  sent: boolean;
  attempts: number;
  last_error: string | null;
  due_later: boolean;
}

describe('email delivery', () => {
  let supergraph: InProcessSupergraph;
  let smtp: TestSmtpServer;
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', format: 'text', write: (line) => logs.push(line) });
  const workers: EmailDelivery[] = [];

  beforeAll(async () => {
    [supergraph, smtp] = await Promise.all([startInProcessSupergraph(), startSmtpServer()]);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await sql('DELETE FROM identity.email_outbox');
    smtp.received.length = 0;
    smtp.onRecipient = undefined;
    smtp.onAccepted = undefined;
    logs.length = 0;
  });
  afterAll(async () => {
    await smtp?.close();
    await supergraph?.stop();
  });

  const sql = <T>(text: string, params: unknown[] = []): Promise<T[]> => supergraph.subgraphs.identity.database.dataSource.query(text, params);
  const worker = (options: Partial<EmailDeliveryOptions> = {}): EmailDelivery => {
    const created = createEmailDelivery({
      database: supergraph.subgraphs.identity.database,
      outboxTable: 'identity.email_outbox',
      logger,
      smtpUrl: smtp.url,
      from: FROM,
      pollIntervalMs: 20,
      ...options,
    });
    workers.push(created);
    return created;
  };
  /** `count` emails to distinct addresses, with a body long enough to be line-wrapped on the wire. */
  const queue = async (count: number): Promise<OutboxRow[]> => {
    const tag = randomUUID().slice(0, 8);
    await sql(
      `INSERT INTO identity.email_outbox (to_address, subject, body)
       SELECT 'person-' || n || '-${tag}@example.test', 'Subject ' || n, 'Hello ' || n || E'.\n\nYour link: http://portal.test/invitations/accept?token=' || repeat(md5(n::text), 3) || E'\n'
       FROM generate_series(1, $1) AS n`,
      [count],
    );
    return outbox();
  };
  const outbox = () =>
    sql<OutboxRow>(
      `SELECT id, to_address, subject, body, sent_at IS NOT NULL AS sent, attempts, last_error,
              coalesce(next_attempt_at > now(), false) AS due_later
       FROM identity.email_outbox ORDER BY created_at`,
    );
  const row = async (id: string): Promise<OutboxRow> => {
    const found = (await outbox()).find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no outbox row ${id}`);
    return found;
  };
  const timesReceived = (address: string) => smtp.received.filter((email) => email.recipients.join() === address).length;
  const expectEachDeliveredOnce = async (rows: OutboxRow[]) => {
    expect(smtp.received).toHaveLength(rows.length);
    for (const { id, to_address: address, subject, body } of rows) {
      expect(smtp.received.filter((email) => email.recipients.join() === address)).toEqual([
        { recipients: [address], from: FROM, to: address, subject, text: body, messageId: outboxMessageId(id) },
      ]);
    }
    expect((await outbox()).filter((stored) => stored.sent && stored.attempts === 1 && stored.last_error === null)).toHaveLength(rows.length);
  };
  /** A recipient hook that holds the first delivery until release() is called. */
  const holdFirstDelivery = () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const state = { held: 0, release };
    smtp.onRecipient = async () => {
      state.held += 1;
      if (state.held === 1) await released;
    };
    return state;
  };
  const refuse = () => {
    smtp.onRecipient = () => {
      throw new Error('mailbox unavailable');
    };
  };

  it('delivers every unsent email once, with its recipient, subject and body, and marks it sent; sent ones stay sent', async () => {
    const rows = await queue(25);
    const [alreadySent] = await sql<{ id: string }>(
      `INSERT INTO identity.email_outbox (to_address, subject, body, sent_at) VALUES ('old@example.test', 'Old', 'Old', now()) RETURNING id`,
    );
    const delivery = worker();
    delivery.start();
    await waitFor('the outbox to be delivered', async () => ((await outbox()).every((stored) => stored.sent) ? true : undefined));
    await delivery.stop();

    await expectEachDeliveredOnce(rows);
    expect(timesReceived('old@example.test')).toBe(0);
    expect((await row(alreadySent!.id)).attempts).toBe(0);
    const sentLines = logs.filter((line) => line.includes('email sent'));
    expect(sentLines).toHaveLength(25);
    for (const { id } of rows) expect(sentLines.filter((line) => line.includes(`outboxId=${id}`))).toHaveLength(1);
    expect(logs.join('\n')).not.toContain('token=');
  });

  it('delivers the invitation inviteUser writes, link included', async () => {
    const organization: DemoOrganization = { id: randomUUID(), name: 'Contoso Hospital', kind: 'CUSTOMER', partnerId: null };
    const admin = testUser(`admin-${organization.id}@contoso.example`, organization.id, 'ADMIN');
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [organization]);
    await seedDemoUsers(identity, [admin]);
    const { accessToken } = await supergraph.accessTokens.issueForUser({ userId: admin.id, organizationId: organization.id, role: 'ADMIN', mfa: false });
    const invited = await supergraph.query(
      graphql(`mutation Invite($email: String!) { inviteUser(email: $email, role: VIEWER) { email } }`),
      { email: 'new.person@contoso.example' },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(invited.body).toEqual({ data: { inviteUser: { email: 'new.person@contoso.example' } } });

    expect(await worker().deliverBatch()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    const [stored] = await outbox();
    expect(smtp.received).toEqual([
      {
        recipients: ['new.person@contoso.example'],
        from: FROM,
        to: 'new.person@contoso.example',
        subject: 'Join Contoso Hospital on PartnerGraph',
        text: stored!.body,
        messageId: `<${stored!.id}@partnergraph.local>`,
      },
    ]);
    expect(smtp.received[0]!.text).toMatch(/\nhttp:\/\/portal\.test\/invitations\/accept\?token=[A-Za-z0-9_-]{20,}\n/);
    expect(stored).toMatchObject({ sent: true, attempts: 1 });
  });

  it("delivers subscriptions' outbox (licence notifications) the same way, table by table", async () => {
    const subscriptions = supergraph.subgraphs.subscriptions.database;
    const [queued] = await subscriptions.dataSource.query<{ id: string }[]>(
      `INSERT INTO subscriptions.email_outbox (to_address, subject, body)
       VALUES ('installer@contoso.example', 'Your IT Expert subscription licence has been redeemed', E'Devices: up to 25\n') RETURNING id`,
    );
    const identityRows = await queue(2);

    const delivery = worker({ database: subscriptions, outboxTable: 'subscriptions.email_outbox' });
    expect(await delivery.deliverBatch()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(await delivery.deliverBatch()).toEqual({ claimed: 0, sent: 0, failed: 0 });

    expect(smtp.received).toEqual([
      {
        recipients: ['installer@contoso.example'],
        from: FROM,
        to: 'installer@contoso.example',
        subject: 'Your IT Expert subscription licence has been redeemed',
        text: 'Devices: up to 25\n',
        messageId: `<${queued!.id}@partnergraph.local>`,
      },
    ]);
    const [stored] = await subscriptions.dataSource.query<{ sent: boolean; attempts: number }[]>(
      'SELECT sent_at IS NOT NULL AS sent, attempts FROM subscriptions.email_outbox WHERE id = $1',
      [queued!.id],
    );
    expect(stored).toEqual({ sent: true, attempts: 1 });
    expect((await outbox()).map(({ sent }) => sent)).toEqual(identityRows.map(() => false));
    await subscriptions.dataSource.query('DELETE FROM subscriptions.email_outbox');
  });

  it('refuses an outbox name that is not a schema-qualified table', () => {
    expect(() => worker({ outboxTable: 'identity.email_outbox; DROP TABLE identity.user' })).toThrow('not a schema-qualified table name');
  });

  it('lets two workers deliver the same rows side by side: a row one has claimed is skipped by the other', async () => {
    const rows = await queue(12);
    const first = worker({ batchSize: 4 });
    const second = worker({ batchSize: 4 });
    const hold = holdFirstDelivery();
    const firstBatch = first.deliverBatch();
    await waitFor('the first worker to be sending', () => (hold.held > 0 ? true : undefined));

    const secondBatches = [];
    for (let outcome = await second.deliverBatch(); outcome.claimed > 0; outcome = await second.deliverBatch()) secondBatches.push(outcome);
    hold.release();

    expect(await firstBatch).toEqual({ claimed: 4, sent: 4, failed: 0 });
    expect(secondBatches).toEqual([
      { claimed: 4, sent: 4, failed: 0 },
      { claimed: 4, sent: 4, failed: 0 },
    ]);
    await expectEachDeliveredOnce(rows);
  });

  it('lets two started workers drain one outbox with every email delivered once', async () => {
    const rows = await queue(30);
    const workersSideBySide = [worker({ batchSize: 3, pollIntervalMs: 5 }), worker({ batchSize: 3, pollIntervalMs: 5 })];
    for (const delivery of workersSideBySide) delivery.start();
    await waitFor('the outbox to be delivered', async () => ((await outbox()).every((stored) => stored.sent) ? true : undefined));
    await Promise.all(workersSideBySide.map((delivery) => delivery.stop()));

    await expectEachDeliveredOnce(rows);
  });

  it('keeps a refused email unsent with the attempt and error recorded, not due before its backoff, and delivers it on a later attempt', async () => {
    const [email] = await queue(1);
    const delivery = worker();
    refuse();

    expect(await delivery.deliverBatch()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    expect(await row(email!.id)).toMatchObject({ sent: false, attempts: 1, last_error: expect.stringContaining('mailbox unavailable'), due_later: true });
    expect(smtp.received).toHaveLength(0);
    expect(logs.filter((line) => line.includes('will retry') && line.includes(`outboxId=${email!.id}`))).toHaveLength(1);

    smtp.onRecipient = undefined;
    expect(await delivery.deliverBatch()).toEqual({ claimed: 0, sent: 0, failed: 0 });

    // The backoff has passed.
    await sql('UPDATE identity.email_outbox SET next_attempt_at = now() WHERE id = $1', [email!.id]);
    expect(await delivery.deliverBatch()).toEqual({ claimed: 1, sent: 1, failed: 0 });
    expect(await row(email!.id)).toMatchObject({ sent: true, attempts: 2, last_error: null });
    expect(timesReceived(email!.to_address)).toBe(1);
  });

  it('retries a refused email while the worker runs and delivers it once the server accepts', async () => {
    const [email] = await queue(1);
    const attempts = { refused: 0 };
    smtp.onRecipient = () => {
      attempts.refused += 1;
      if (attempts.refused <= 2) throw new Error('try again later');
    };
    const delivery = worker({ retry: { maxAttempts: 5, firstDelayMs: 0, maxDelayMs: 0 } });
    delivery.start();
    await waitFor('the email to be delivered', async () => ((await row(email!.id)).sent ? true : undefined));
    await delivery.stop();

    expect(await row(email!.id)).toMatchObject({ sent: true, attempts: 3, last_error: null });
    expect(timesReceived(email!.to_address)).toBe(1);
  });

  it('gives up after the last attempt and leaves the email unsent', async () => {
    const [email] = await queue(1);
    const delivery = worker({ retry: { maxAttempts: 3, firstDelayMs: 0, maxDelayMs: 0 } });
    refuse();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect(await delivery.deliverBatch()).toEqual({ claimed: 1, sent: 0, failed: 1 });
    }
    smtp.onRecipient = undefined;
    expect(await delivery.deliverBatch()).toEqual({ claimed: 0, sent: 0, failed: 0 });
    expect(await row(email!.id)).toMatchObject({ sent: false, attempts: 3, last_error: expect.stringContaining('mailbox unavailable'), due_later: false });
    expect(smtp.received).toHaveLength(0);
    expect(logs.filter((line) => line.includes('giving up'))).toHaveLength(1);
  });

  it('stops a batch at an unreachable server, counting one attempt; the rest wait untouched', async () => {
    const rows = await queue(3);
    const delivery = worker({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    expect(await delivery.deliverBatch()).toEqual({ claimed: 3, sent: 0, failed: 1 });
    expect((await outbox()).map((stored) => [stored.sent, stored.attempts])).toEqual([
      [false, 1],
      [false, 0],
      [false, 0],
    ]);
    expect((await row(rows[0]!.id)).last_error).toBeTruthy();
  });

  it('stop() waits for the email in flight and sends no more of its batch', async () => {
    const rows = await queue(3);
    const hold = holdFirstDelivery();
    const delivery = worker();
    delivery.start();
    await waitFor('the worker to be sending', () => (hold.held > 0 ? true : undefined));
    let stopped = false;
    const stopping = delivery.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    hold.release();
    await stopping;

    expect(smtp.received).toHaveLength(1);
    expect((await outbox()).map((stored) => [stored.id, stored.sent, stored.attempts])).toEqual([
      [rows[0]!.id, true, 1],
      [rows[1]!.id, false, 0],
      [rows[2]!.id, false, 0],
    ]);
  });

  describe('when the database goes between the SMTP acceptance and the sent mark', () => {
    let relay: DatabaseOutage;
    let relayed: Database;

    beforeEach(async () => {
      relay = await databaseRelay(String((supergraph.subgraphs.identity.database.dataSource.options as { url?: string }).url));
      relayed = createDatabase({
        url: relay.url,
        storage: { name: 'identity', schema: 'identity', entities: [], migrations: [] },
        poolSize: 2,
        statementTimeoutMs: 10_000,
        applicationName: 'partnergraph-test-email-outage',
        logger,
      });
      await relayed.dataSource.initialize();
    });
    afterEach(async () => {
      await Promise.all(workers.splice(0).map((delivery) => delivery.stop()));
      await relay.close();
      await relayed.dataSource.destroy().catch(() => undefined);
    });

    /** The worker's database goes away while the server takes the `nth` email's DATA, before it answers 250. */
    const cutDuring = (nth: number) => {
      let accepted = 0;
      smtp.onAccepted = async () => {
        accepted += 1;
        if (accepted === nth) await relay.cut();
      };
    };
    const sentAttempts = async () => (await outbox()).map((stored) => [stored.sent, stored.attempts]);

    it('sends no accepted email again: the kept outcome is recorded first, the rest of the batch waits uncounted, replicas keep off', async () => {
      const rows = await queue(4);
      const delivery = worker({ database: relayed });
      cutDuring(2);

      expect(await delivery.deliverBatch()).toEqual({ claimed: 4, sent: 2, failed: 0 });
      expect(smtp.received.map((email) => email.to)).toEqual([rows[0]!.to_address, rows[1]!.to_address]);
      // The database has the first email sent and the other three claimed, their outcome unknown to it.
      expect(await sentAttempts()).toEqual([
        [true, 1],
        [false, 1],
        [false, 1],
        [false, 1],
      ]);
      expect(logs.filter((line) => line.includes('email outcome not recorded'))).toHaveLength(3);

      // Another replica claims nothing while the attempts' lease runs.
      expect(await worker().deliverBatch()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      // Nor does this worker while its database is still gone.
      await expect(delivery.deliverBatch()).rejects.toThrow();

      await relay.restore();
      expect(await delivery.deliverBatch()).toEqual({ claimed: 2, sent: 2, failed: 0 });
      await expectEachDeliveredOnce(rows);
    });

    it('sends an email whose attempt has no outcome again only after the lease, with the same Message-ID, counting the attempt', async () => {
      const [email] = await queue(1);
      cutDuring(1);
      // A worker that dies (here: loses its database for good) after the server accepted the email.
      expect(await worker({ database: relayed }).deliverBatch()).toEqual({ claimed: 1, sent: 1, failed: 0 });
      expect(await row(email!.id)).toMatchObject({ sent: false, attempts: 1 });

      const replica = worker();
      expect(await replica.deliverBatch()).toEqual({ claimed: 0, sent: 0, failed: 0 });
      await sql(`UPDATE identity.email_outbox SET sending_started_at = sending_started_at - interval '10 minutes' WHERE id = $1`, [email!.id]);
      expect(await replica.deliverBatch()).toEqual({ claimed: 1, sent: 1, failed: 0 });

      expect(smtp.received.map((received) => received.messageId)).toEqual([outboxMessageId(email!.id), outboxMessageId(email!.id)]);
      expect(outboxMessageId(email!.id)).toBe(`<${email!.id}@partnergraph.local>`);
      expect(await row(email!.id)).toMatchObject({ sent: true, attempts: 2, last_error: null });
      expect(logs.filter((line) => line.includes('email sent again after an attempt with no recorded outcome'))).toHaveLength(1);
    });
  });
});
