import type { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { RequestHandler } from 'express';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/express';
import { AccessTokenError, type AccessTokenVerifier, type Logger } from '@partnergraph/core';
import { liveCaller, type LiveCaller, type LiveOperations, type PreparedOperation } from './live-operations';

/** How often a stream whose socket is behind is looked at again. */
const WRITTEN_POLL_MS = 20;

/**
 * Resolves once `socket` has handed everything it was given to the network.
 * graphql-sse reads a subscription's events as fast as they come and queues
 * them for the response, so the subscription waits here instead, while the
 * client is not reading. The socket's 'drain' fires only after a write that
 * overflowed its buffer, so a smaller backlog is looked at again until gone.
 */
async function written(socket: Socket): Promise<void> {
  while (socket.writableLength > 0 && !socket.destroyed) await delay(WRITTEN_POLL_MS);
}

/**
 * A request refused before it runs, answered as the stream's one result.
 * graphql-sse takes a result only with a `data` key; without it, it reads the
 * answer as an operation to run and responds 400 instead of the error.
 */
function refused(error: GraphQLError): ExecutionResult {
  return { data: null, errors: [error] };
}

/**
 * GraphQL over Server-Sent Events (the graphql-sse protocol, "distinct
 * connections" mode) at /graphql/stream: one POST with `Accept:
 * text/event-stream` and the usual Authorization header per subscription.
 * There is no in-band renewal: at the token's expiry the stream ends with
 * TOKEN_EXPIRED, and the client subscribes again from its last cursor.
 */
export function sseTransport(options: {
  schema: () => GraphQLSchema | undefined;
  operations: LiveOperations;
  verifier: AccessTokenVerifier;
  logger: Logger;
}): RequestHandler {
  const callers = new WeakMap<object, LiveCaller>();
  const handler = createHandler<PreparedOperation>({
    async authenticate(req) {
      try {
        callers.set(req.raw, liveCaller(await options.verifier.verifyCaller(req.raw.headers.authorization)));
        // graphql-sse wants a token per stream; the caller is kept beside the request.
        return req.raw.headers.authorization ?? 'anonymous';
      } catch (error) {
        if (!(error instanceof AccessTokenError)) throw error;
        return [JSON.stringify({ errors: [{ message: 'Not signed in: the access token is invalid or has expired.', extensions: { code: 'UNAUTHENTICATED' } }] }), { status: 401, statusText: 'Unauthorized', headers: { 'content-type': 'application/json' } }];
      }
    },
    onSubscribe(req, params) {
      const schema = options.schema();
      const caller = callers.get(req.raw);
      if (!schema || !caller) return refused(new GraphQLError('The gateway is starting.', { extensions: { code: 'SERVICE_STARTING' } }));
      let prepared: PreparedOperation;
      try {
        prepared = options.operations.prepare(caller, { query: String(params.query), variables: params.variables ?? null, operationName: params.operationName ?? null }, {
          open: 0,
          written: () => written(req.raw.socket),
          dropSlowSubscriber: () => {
            options.logger.info('live: ended an event stream whose subscriber fell behind', { code: 'SUBSCRIBER_TOO_SLOW' });
            req.raw.socket.destroy();
          },
        });
      } catch (error) {
        if (error instanceof GraphQLError) return refused(error);
        throw error;
      }
      return { schema, document: prepared.document, operationName: prepared.operationName ?? null, contextValue: prepared };
    },
    execute: (args) => (args.contextValue.kind === 'once' ? args.contextValue.run() : args.contextValue.events()),
    subscribe: (args) => (args.contextValue.kind === 'once' ? args.contextValue.run() : args.contextValue.events()),
  });
  return (req, res, next) => {
    handler(req, res).catch(next);
  };
}
