import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { FormattedExecutionResult } from 'graphql';
import { waitFor } from './wait-for';

/** A subscription's messages as they arrive, and how it ended (complete, errors or a closed socket). */
export interface Subscription<T> {
  events: T[];
  errors: FormattedExecutionResult['errors'][];
  ended: Promise<{ errors?: unknown; closeCode?: number }>;
  /** Waits until `count` events have arrived (or fails after `ms`), and returns them all. */
  waitForEvents(count: number, ms?: number): Promise<T[]>;
  stop(): void;
}

function collect<T>(
  start: (sink: { next(value: FormattedExecutionResult): void; error(error: unknown): void; complete(): void }) => () => void,
  field: string,
): Subscription<T> {
  const events: T[] = [];
  const errors: FormattedExecutionResult['errors'][] = [];
  let stop: () => void = () => {};
  const ended = new Promise<{ errors?: unknown; closeCode?: number }>((resolve) => {
    stop = start({
      next(value) {
        if (value.errors) errors.push(value.errors);
        const event = value.data?.[field];
        if (event !== undefined) events.push(event as T);
      },
      error(error) {
        const closeCode = typeof error === 'object' && error !== null && 'code' in error ? Number((error as { code: unknown }).code) : undefined;
        resolve(closeCode === undefined ? { errors: error } : { closeCode, errors: error });
      },
      complete() {
        resolve({ errors: errors.at(-1) });
      },
    });
  });
  return {
    events,
    errors,
    ended,
    async waitForEvents(count, ms = 15_000) {
      return waitFor(`${count} events of ${field}`, () => (events.length >= count ? events : undefined), { timeoutMs: ms });
    },
    stop: () => stop(),
  };
}

/** A graphql-ws client of the gateway's /graphql, signed in with `authorization` (or anonymous). */
export function webSocketClient(gatewayUrl: string, authorization?: string, options: { lazy?: boolean } = {}): Client {
  return createWsClient({
    url: gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    lazy: options.lazy ?? true,
    retryAttempts: 0,
  });
}

export function subscribeOverWebSocket<T>(client: Client, field: string, query: { toString(): string }, variables: Record<string, unknown> = {}): Subscription<T> {
  return collect<T>((sink) => client.subscribe({ query: query.toString(), variables }, sink), field);
}

/** A subscription over GraphQL over SSE at the gateway's /graphql/stream. */
export function subscribeOverSse<T>(
  gatewayUrl: string,
  authorization: string | undefined,
  field: string,
  query: { toString(): string },
  variables: Record<string, unknown> = {},
): Subscription<T> {
  const client = createSseClient({
    url: `${gatewayUrl}/stream`,
    headers: authorization ? { authorization } : {},
    retryAttempts: 0,
    singleConnection: false,
  });
  return collect<T>((sink) => {
    const unsubscribe = client.subscribe({ query: query.toString(), variables }, sink);
    return () => {
      unsubscribe();
      client.dispose();
    };
  }, field);
}

/** An SSE stream read by hand, for a subscriber that stops reading: how many events arrived, and how the stream ended. */
export interface RawEventStream {
  /** The `next` events' data, parsed, in order. */
  events: FormattedExecutionResult[];
  /** Resolves when the stream has ended: `complete` when the gateway ended it, `cut` when the connection was dropped. */
  ended: Promise<'complete' | 'cut'>;
  /** Stops reading the response (the kernel's buffers fill, then the gateway's writes stall), or starts again. */
  pause(): void;
  resume(): void;
  close(): void;
}

/** POSTs a subscription to the gateway's /graphql/stream and reads the event stream with node:http, once it has started. */
export async function openRawEventStream(
  gatewayUrl: string,
  authorization: string,
  query: { toString(): string },
  variables: Record<string, unknown> = {},
): Promise<RawEventStream> {
  const request = httpRequest(`${gatewayUrl}/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization },
  });
  request.end(JSON.stringify({ query: query.toString(), variables }));
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  const events: FormattedExecutionResult[] = [];
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    let end = text.indexOf('\n\n');
    while (end >= 0) {
      const lines = text.slice(0, end).split('\n');
      text = text.slice(end + 2);
      end = text.indexOf('\n\n');
      if (lines.includes('event: next')) {
        const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
        events.push(JSON.parse(data) as FormattedExecutionResult);
      }
    }
  });
  const ended = new Promise<'complete' | 'cut'>((resolve) => {
    response.once('end', () => resolve('complete'));
    response.once('aborted', () => resolve('cut'));
    response.once('error', () => resolve('cut'));
  });
  return {
    events,
    ended,
    pause: () => response.pause(),
    resume: () => response.resume(),
    close: () => request.destroy(),
  };
}
