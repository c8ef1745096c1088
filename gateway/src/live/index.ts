import type { Server } from 'node:http';
import bytes from 'bytes';
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
        // BODY_LIMIT read as express.json reads it: the largest WebSocket message is the largest HTTP body.
        maxPayloadBytes: bytes.parse(options.bodyLimit) ?? bytes.parse('1mb')!,
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
