import { createRequire } from 'node:module';
import { computeCompiledResponse } from './compiled-result-shaping';

export { computeCompiledResponse } from './compiled-result-shaping';

/** The module of @apollo/gateway whose export its executeQueryPlan calls, looked up at each call, to shape every response. */
const APOLLO_RESULT_SHAPING = '@apollo/gateway/dist/resultShaping.js';

interface ResultShapingModule {
  computeResponse: unknown;
}

/**
 * Makes @apollo/gateway shape responses with computeCompiledResponse
 * instead of its own computeResponse (same results, a fraction of the CPU:
 * see compiled-result-shaping.ts). @apollo/gateway is pinned to a minor
 * version (~2.14); should a release move or rename the function, this throws
 * at start-up rather than leaving the gateway on a path nobody measured, and
 * the gateway's tests fail (result-shaping.test.ts asserts that responses go
 * through it).
 */
export function useCompiledResultShaping(): void {
  const resultShaping = createRequire(__filename)(APOLLO_RESULT_SHAPING) as ResultShapingModule;
  if (typeof resultShaping.computeResponse !== 'function') {
    throw new Error(`${APOLLO_RESULT_SHAPING} no longer exports computeResponse: check the compiled result shaping against this @apollo/gateway`);
  }
  resultShaping.computeResponse = computeCompiledResponse;
}
