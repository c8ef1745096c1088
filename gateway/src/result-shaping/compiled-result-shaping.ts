/**
 * Placeholder until the compiled result shaping lands: Apollo's computeResponse
 * under the name the parity test (compiled-result-shaping.test.ts) imports.
 */
export { computeResponse as computeCompiledResponse } from '@apollo/gateway/dist/resultShaping.js';
