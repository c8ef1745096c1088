/** Loopback ports of an audit run, away from the stack's 4000–4003 so a run never meets (or kills) a running stack. */
export const AUDIT_SUBGRAPHS_PORT = 4290;
export const AUDIT_GATEWAY_PORT = 4291;
export const AUDIT_SUBGRAPHS_URL = `http://127.0.0.1:${AUDIT_SUBGRAPHS_PORT}`;

export const AUDITED_GATEWAYS = ['ours', 'apollo'] as const;
export type AuditedGateway = (typeof AUDITED_GATEWAYS)[number];

export function isAuditedGateway(value: string | undefined): value is AuditedGateway {
  return (AUDITED_GATEWAYS as readonly (string | undefined)[]).includes(value);
}
