import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AccessTokenError, clientError, type AccessTokenVerifier, type Logger } from '@partnergraph/core';
import { liveCaller, type LiveCaller, type LiveConnection, type LiveOperations, type PreparedOperation } from './live-operations';
import type { LiveSettings } from './live-settings';

/** WebSocket close codes of our own (4000–4999 are the application's; graphql-ws uses 44xx and 4500). */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_SUBSCRIBER_TOO_SLOW = 4601;

interface ConnectionState {
  caller: LiveCaller;
  connection: LiveConnection;
}

/**
 * The token in a connection_init (or ping) payload: `authorization`, as Apollo Client's docs write it, or
 * `Authorization`, or inside `headers`, as explorers that forward their HTTP headers send it.
 */
export function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const headers = typeof params?.headers === 'object' && params.headers !== null ? (params.headers as Record<string, unknown>) : undefined;
  const value = params?.authorization ?? params?.Authorization ?? headers?.authorization ?? headers?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

function sameCaller(a: LiveCaller, b: LiveCaller): boolean {
  return JSON.stringify(a.principal) === JSON.stringify(b.principal);
}

/**
 * GraphQL over WebSocket (the graphql-ws protocol, which Apollo Client's
 * GraphQLWsLink speaks) at the gateway's /graphql. The access token travels in
 * connection_init's payload as `authorization: "Bearer …"`; a ping whose
 * payload carries a newer token of the same caller renews it in-band, so the
 * subscriptions outlive the first token. A bad token closes the connection
 * with 4401; anonymous connections may run queries but subscribe to nothing.
 */
export function attachWebSocketTransport(options: {
  httpServer: Server;
  path: string;
  maxPayloadBytes: number;
  schema: () => GraphQLSchema | undefined;
  operations: LiveOperations;
  verifier: AccessTokenVerifier;
  settings: LiveSettings;
  logger: Logger;
}): { close(): Promise<void> } {
  const { settings, logger } = options;
  const sockets = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: options.maxPayloadBytes });
  const states = new WeakMap<object, ConnectionState>();

  const cleanup = useServer<Record<string, unknown>>(
    {
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      async onConnect(context) {
        let caller: LiveCaller;
        try {
          caller = liveCaller(await options.verifier.verifyCaller(authorizationOf(context.connectionParams)));
        } catch (error) {
          if (!(error instanceof AccessTokenError)) throw error;
          context.extra.socket.close(CLOSE_UNAUTHENTICATED, 'UNAUTHENTICATED');
          return false;
        }
        states.set(context, {
          caller,
          connection: {
            open: 0,
            // graphql-ws asks for a subscription's next event only once the last one's send has completed, that is,
            // once the socket has handed it to the network; there is nothing more to wait for.
            written: async () => {},
            dropSlowSubscriber: () => {
              logger.info('live: closed a WebSocket whose subscriber fell behind', { code: 'SUBSCRIBER_TOO_SLOW' });
              // The close frame waits behind what the client has not read; ws cuts the connection if it never reads it.
              // Its subscriptions end now, rather than running their feeds for a socket that is closing.
              context.extra.socket.close(CLOSE_SUBSCRIBER_TOO_SLOW, 'SUBSCRIBER_TOO_SLOW');
              for (const subscription of Object.values(context.subscriptions)) {
                if (subscription && 'return' in subscription) void subscription.return(undefined);
              }
            },
          },
        });
        return true;
      },
      async onPing(context, payload) {
        const state = states.get(context);
        const authorization = authorizationOf(payload);
        if (!state || authorization === undefined) return;
        try {
          const renewed = liveCaller(await options.verifier.verifyCaller(authorization));
          if (sameCaller(renewed, state.caller)) state.caller.expiresAtMs = renewed.expiresAtMs;
        } catch (error) {
          if (!(error instanceof AccessTokenError)) throw error;
        }
      },
      onSubscribe(context, _id, payload): ExecutionArgs | readonly GraphQLError[] {
        const state = states.get(context);
        const schema = options.schema();
        if (!state || !schema) return [clientError('SERVICE_STARTING', 'The gateway is starting.')];
        let prepared: PreparedOperation;
        try {
          prepared = options.operations.prepare(state.caller, payload, state.connection);
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        // graphql-ws hands ExecutionArgs to execute/subscribe below; the prepared operation rides as its context.
        return { schema, document: prepared.document, operationName: prepared.operationName ?? null, contextValue: prepared };
      },
      // Results come from the gateway's pipeline already formatted (masked, coded); sent as they are.
      onNext: (_context, _id, _payload, _args, result) => result as FormattedExecutionResult,
      execute: (args) => {
        const prepared = args.contextValue as PreparedOperation;
        return prepared.kind === 'once' ? prepared.run() : prepared.events();
      },
      subscribe: (args) => {
        const prepared = args.contextValue as PreparedOperation;
        return prepared.kind === 'once' ? prepared.run() : prepared.events();
      },
    },
    sockets,
    settings.keepAliveMs,
  );

  return {
    async close() {
      for (const socket of sockets.clients) socket.close(1001, 'Going away');
      await cleanup.dispose();
    },
  };
}
