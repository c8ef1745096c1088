import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { AccessTokenVerifier, Logger } from '@partnergraph/core';
import type { GatewayContext } from '../context';
import { createLiveOperations, type LiveOperations } from './live-operations';
import type { LiveSettings } from './live-settings';
import { sseTransport } from './sse-transport';
import { postgresWakeUps, timerWakeUps, type WakeUps } from './wake-ups';
import { attachWebSocketTransport } from './websocket-transport';

export type { LiveSettings } from './live-settings';

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** BODY_LIMIT ("1mb") in bytes: the largest WebSocket message, as the largest HTTP body. */
function bytesOf(size: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(size.trim());
  return match ? Math.floor(Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1)) : 1024 ** 2;
}

export interface LiveTransports {
  /** GraphQL over SSE, mounted at /graphql/stream. */
  sse: RequestHandler;
  /** Starts GraphQL over WebSocket on the HTTP server's /graphql. */
  attachWebSocket(httpServer: Server): void;
  operations: LiveOperations;
  close(): Promise<void>;
}

/** Subscriptions at the gateway (docs/architecture.md, "Live fields"): both transports over one set of operations. */
export function createLiveTransports(options: {
  settings: LiveSettings;
  bodyLimit: string;
  maxTokens: number;
  apiSchema: () => GraphQLSchema | undefined;
  execute: (request: { query: string; variables: Record<string, unknown>; operationName: string | undefined }, context: GatewayContext) => Promise<FormattedExecutionResult>;
  verifier: AccessTokenVerifier;
  logger: Logger;
}): LiveTransports {
  const logger = options.logger.child({ component: 'live' });
  const wakeUps: WakeUps = options.settings.databaseUrl ? postgresWakeUps(options.settings.databaseUrl, logger) : timerWakeUps();
  const operations = createLiveOperations({
    apiSchema: options.apiSchema,
    execute: options.execute,
    wakeUps,
    settings: options.settings,
    maxTokens: options.maxTokens,
    logger,
  });
  let webSocket: { close(): Promise<void> } | undefined;
  return {
    operations,
    sse: sseTransport({ schema: options.apiSchema, operations, verifier: options.verifier, logger }),
    attachWebSocket(httpServer) {
      webSocket = attachWebSocketTransport({
        httpServer,
        path: '/graphql',
        maxPayloadBytes: bytesOf(options.bodyLimit),
        schema: options.apiSchema,
        operations,
        verifier: options.verifier,
        settings: options.settings,
        logger,
      });
    },
    async close() {
      await webSocket?.close();
      await wakeUps.close();
    },
  };
}
