/** One service HAProxy balances: where it listens for it, and the replicas it spreads requests over. */
export interface BalancedService {
  /** The frontend's and backend's name (`gateway`, `identity`…); its replicas are `<name>-1`, `<name>-2`… */
  name: string;
  /** The port HAProxy listens on for it, on 127.0.0.1. */
  port: number;
  replicas: readonly { name: string; port: number }[];
  /**
   * The gateway, which callers reach: HAProxy adds the caller's address in
   * X-Forwarded-For (the gateways trust one hop) and names the replica that
   * answered in X-Served-By.
   */
  public: boolean;
}

/**
 * How HAProxy checks each replica's `GET /health/ready`: every second while
 * its state is settled, every 250 ms while it changes; two failures in a row
 * take it out, two successes put it back.
 */
export const HEALTH_CHECK = { intervalMs: 1000, fastIntervalMs: 250, fall: 2, rise: 2, timeoutMs: 2000 } as const;

/**
 * The longest HAProxy takes to stop sending to a replica whose readiness
 * turned 503 (it does at once on SIGTERM): up to a whole interval until the
 * first failed check, then the rest at the fast interval.
 */
export const UNREADY_NOTICED_WITHIN_MS = HEALTH_CHECK.intervalMs + (HEALTH_CHECK.fall - 1) * HEALTH_CHECK.fastIntervalMs;

/**
 * HAProxy's configuration for `npm run start:replicas`, everything on
 * 127.0.0.1: a frontend and a backend per service, round robin over its
 * replicas, health-checked on /health/ready; a request whose connection
 * failed, or that a replica answered 503, is sent once more to another
 * replica (see docs/operations.md, Replicas behind HAProxy, for why those and
 * no others); the statistics page on `statsPort`.
 */
export function haproxyConfig(services: readonly BalancedService[], statsPort: number): string {
  const { intervalMs, fastIntervalMs, fall, rise, timeoutMs } = HEALTH_CHECK;
  const lines = [
    '# Written by `npm run start:replicas` at every start (edits are lost); see docs/operations.md, Replicas behind HAProxy.',
    'global',
    '  maxconn 4096',
    '',
    'defaults',
    '  mode http',
    '  balance roundrobin',
    '  # A new connection to a replica per request: no idle connection that a replica closes (its keep-alive',
    '  # timeout, a stop) can be picked for the next request and fail it.',
    '  option http-server-close',
    '  option httpchk GET /health/ready',
    `  default-server check inter ${intervalMs} fastinter ${fastIntervalMs} fall ${fall} rise ${rise}`,
    `  timeout check ${timeoutMs}`,
    '  # Once more, on another replica, and only when nothing ran there: the connection failed (the request was',
    '  # not sent) or the replica answered 503 (stopping or starting: SERVICE_STOPPING, SERVICE_STARTING; or the',
    '  # whole request failed for an outage, which the answer tells clients to retry). Never on a reset or a',
    '  # timeout after the request was sent: a POST may be a mutation that ran.',
    '  retries 1',
    '  option redispatch 1',
    '  retry-on conn-failure 503',
    '  # HAProxy can send a request again only if it had all of it before sending it: a body that a client',
    '  # sends after the headers would otherwise make that request one it cannot retry.',
    '  option http-buffer-request',
    '  timeout connect 2s',
    '  timeout http-request 10s',
    '  # Longer than the services\' own subgraph timeout (SUBGRAPH_TIMEOUT_MS, 10 s).',
    '  timeout client 60s',
    '  timeout server 60s',
    '  # Longer than the idle time after which Node.js clients close a kept-alive connection (4 s), so that the',
    '  # client, not HAProxy, closes it.',
    '  timeout http-keep-alive 10s',
    '  # WebSockets (graphql-ws at /graphql), once upgraded; the gateway pings every LIVE_KEEPALIVE_MS.',
    '  timeout tunnel 1h',
  ];
  for (const service of services) {
    lines.push(
      '',
      `frontend ${service.name}`,
      `  bind 127.0.0.1:${service.port}`,
      ...(service.public ? ['  option forwardfor', '  http-response set-header X-Served-By %s'] : []),
      `  default_backend ${service.name}`,
      '',
      `backend ${service.name}`,
      ...service.replicas.map((replica) => `  server ${replica.name} 127.0.0.1:${replica.port}`),
    );
  }
  lines.push('', 'listen stats', `  bind 127.0.0.1:${statsPort}`, '  stats enable', '  stats uri /', '  stats refresh 2s', '');
  return lines.join('\n');
}
