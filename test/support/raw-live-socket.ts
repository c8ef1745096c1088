import WebSocket from 'ws';
import { waitFor } from './wait-for';

/** A graphql-ws protocol message (github.com/enisdenjo/graphql-ws, PROTOCOL.md). */
export interface ProtocolMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/**
 * A WebSocket speaking the graphql-ws protocol by hand, for what a library
 * client hides: a ping message carrying a renewed token, never sending
 * connection_init, not answering the server's ping frames, or not reading at all.
 */
export interface RawLiveSocket {
  /** Every protocol message received, in order. */
  messages: ProtocolMessage[];
  /** How many WebSocket ping frames (the gateway's heartbeat) arrived. */
  pings(): number;
  /** The close code and reason, once the socket has closed (1006: the connection was cut without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  send(message: ProtocolMessage): void;
  /** Sends connection_init with `payload` and waits for connection_ack. */
  init(payload?: Record<string, unknown>): Promise<void>;
  subscribe(id: string, query: { toString(): string }, variables?: Record<string, unknown>): void;
  /** The `next` payloads of subscription `id` so far. */
  nextPayloads(id: string): { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Waits for the first message `matches` accepts among those received and to come. */
  waitForMessage(matches: (message: ProtocolMessage) => boolean, timeoutMs?: number): Promise<ProtocolMessage>;
  /** Stops reading from the connection (the kernel's buffers fill, then the gateway's writes stall), or starts again. */
  pause(): void;
  resume(): void;
  close(): void;
}

/** Opens a WebSocket to the gateway's /graphql with the graphql-ws subprotocol; `autoPong: false` leaves its pings unanswered. */
export async function openRawLiveSocket(gatewayUrl: string, options: { autoPong?: boolean } = {}): Promise<RawLiveSocket> {
  const socket = new WebSocket(gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws', { autoPong: options.autoPong ?? true });
  const messages: ProtocolMessage[] = [];
  let pings = 0;
  socket.on('message', (data: WebSocket.RawData) => {
    messages.push(JSON.parse(data.toString()) as ProtocolMessage);
  });
  socket.on('ping', () => {
    pings += 1;
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // A refused upgrade also closes the socket; the test reads that from `closed`.
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('the WebSocket closed before it opened')));
  });

  const waitForMessage = (matches: (message: ProtocolMessage) => boolean, timeoutMs = 5000) =>
    waitFor('a graphql-ws message', () => messages.find(matches), { timeoutMs, intervalMs: 10 });
  const send = (message: ProtocolMessage) => socket.send(JSON.stringify(message));
  return {
    messages,
    pings: () => pings,
    closed,
    send,
    async init(payload = {}) {
      send({ type: 'connection_init', payload });
      await waitForMessage((message) => message.type === 'connection_ack');
    },
    subscribe(id, query, variables = {}) {
      send({ type: 'subscribe', id, payload: { query: query.toString(), variables } });
    },
    nextPayloads(id) {
      return messages
        .filter((message) => message.type === 'next' && message.id === id)
        .map((message) => message.payload as ReturnType<RawLiveSocket['nextPayloads']>[number]);
    },
    waitForMessage,
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    close: () => socket.close(),
  };
}
