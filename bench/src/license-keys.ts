import { send } from './capture';
import type { Caller } from './load-job';
import { issueLicenseKeys } from './operations';

/** Keys per request: within the gateway's MAX_QUERY_ALIASES. */
const KEYS_PER_REQUEST = 10;
const REQUESTS_AT_ONCE = 4;

/** Issues licence keys as the order system would: the operator's issueLicenseKey through a gateway, a few per request, a few requests at a time. */
export function licenseKeyIssuer(gatewayUrl: string, operator: Caller): (count: number) => Promise<string[]> {
  const issueBatch = async (size: number): Promise<string[]> => {
    const response = await send(gatewayUrl, issueLicenseKeys(size, 'IT Expert'), operator);
    const { data, errors } = (await response.json()) as { data?: Record<string, { key: string }>; errors?: unknown[] };
    if (errors || !data) throw new Error(`issueLicenseKey failed: ${JSON.stringify(errors)}`);
    return Object.values(data).map((issued) => issued.key);
  };
  return async (count) => {
    const batches = Array.from({ length: Math.ceil(count / KEYS_PER_REQUEST) }, (_, index) => Math.min(KEYS_PER_REQUEST, count - index * KEYS_PER_REQUEST));
    const issued: string[] = [];
    for (let next = 0; next < batches.length; next += REQUESTS_AT_ONCE) {
      for (const keys of await Promise.all(batches.slice(next, next + REQUESTS_AT_ONCE).map(issueBatch))) issued.push(...keys);
    }
    return issued;
  };
}
