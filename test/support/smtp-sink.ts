import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An email as the SMTP sink received it. */
export interface ReceivedEmail {
  /** RCPT TO of the SMTP envelope: where it was actually delivered. */
  recipients: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP server on 127.0.0.1 (smtp-server) that keeps every email it accepts, in order. */
export interface TestSmtpServer {
  url: string;
  received: ReceivedEmail[];
  /** Runs on each RCPT TO: throw to refuse the recipient, wait to hold the delivery. */
  onRecipient: ((address: string) => Promise<void> | void) | undefined;
  /** Runs once a message's DATA is in, before the server answers 250: the server has it, the client does not know yet. */
  onAccepted: ((email: ReceivedEmail) => Promise<void> | void) | undefined;
  close(): Promise<void>;
}

/** A message as the test needs it: unfolded headers and the text body, transfer encoding undone. */
function parseMessage(raw: Buffer, recipients: string[]): ReceivedEmail {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of source.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = source.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'latin1');
  return {
    recipients,
    from: headers.get('from') ?? '',
    to: headers.get('to') ?? '',
    subject: headers.get('subject') ?? '',
    text: bytes.toString('utf8').replace(/\r\n/g, '\n'),
    messageId: headers.get('message-id') ?? '',
  };
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const smtp: TestSmtpServer = { url: '', received: [], onRecipient: undefined, onAccepted: undefined, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      Promise.resolve()
        .then(() => smtp.onRecipient?.(address.address))
        .then(
          () => callback(),
          (error: Error) => callback(Object.assign(error, { responseCode: 550 })),
        );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const email = parseMessage(Buffer.concat(chunks), session.envelope.rcptTo.map((rcpt) => rcpt.address));
        smtp.received.push(email);
        Promise.resolve()
          .then(() => smtp.onAccepted?.(email))
          .then(
            () => callback(),
            (error: Error) => callback(error),
          );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  smtp.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return smtp;
}
