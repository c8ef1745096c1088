import { writeFile } from 'node:fs/promises';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/**
 * The gateway serves the supergraph from a file and reloads it when the file
 * changes, without dropping requests in flight; a file that does not load
 * leaves the current supergraph serving.
 */

const ORIGINAL_DESCRIPTION = 'An organization: a customer that monitors its equipment, or a partner that looks after customers.';
const CHANGED_DESCRIPTION = 'An organization, as described by the reloaded supergraph.';
/**
 * Enough clients that some are always in flight when the file changes. Each asks for a dashboard whose
 * subgraphs check access with identity within ACCESS_CHECK_TIMEOUT_MS (5 s): 40 at once on a loaded 2-core
 * machine went past it, which the gateway rightly answers as SUBGRAPH_UNAVAILABLE, and this test is not about load.
 */
const CONCURRENT_CLIENTS = 24;

/** Crosses all three subgraphs, so every query in flight has a plan with several fetches. */
const DASHBOARD = graphql(`
  query SupergraphReloadDashboard {
    organizations(first: 100) {
      nodes { name subscriptions { product } devices { nodes { name sensors { type } } } }
    }
  }
`);

interface Dashboard {
  organizations: { nodes: { name: string }[] };
}

let supergraph: InProcessSupergraph;
let world: SeededWorld;

beforeAll(async () => {
  supergraph = await startInProcessSupergraph();
  world = await seedWorld(supergraph, { customers: 3, devicesPerCustomer: 2, sensorsPerDevice: 1 });
});
afterAll(async () => {
  await supergraph?.stop();
});

async function organizationDescription(): Promise<string | null | undefined> {
  const { body } = await supergraph.query(
    graphql(`query Type { __type(name: "Organization") { description } }`),
  );
  return body.data?.__type?.description;
}

/** Why a dashboard answer is not a full, error-free one, or undefined when it is. */
function failureOf(response: GraphQLResponse<Dashboard>): string | undefined {
  if (response.status !== 200) return `status ${response.status}`;
  if (response.body.errors) return JSON.stringify(response.body.errors);
  const organizations = response.body.data?.organizations.nodes.length;
  return organizations === world.customers.length + 1 ? undefined : `${String(organizations)} organizations`;
}

interface Observed {
  response: GraphQLResponse<Dashboard>;
  /** Positions in `supergraph.logs` when the query was sent and when its answer arrived. */
  sentAt: number;
  answeredAt: number;
}

it('swaps in a changed supergraph file while every query in flight still succeeds', async () => {
  expect(await organizationDescription()).toBe(ORIGINAL_DESCRIPTION);
  const changed = supergraph.supergraphSdl.replace(ORIGINAL_DESCRIPTION, CHANGED_DESCRIPTION);
  expect(changed).not.toBe(supergraph.supergraphSdl);

  const observed: Observed[] = [];
  let stopped = false;
  const client = async (): Promise<void> => {
    while (!stopped) {
      const sentAt = supergraph.logs.length;
      const response = await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
      observed.push({ response, sentAt, answeredAt: supergraph.logs.length });
    }
  };
  const clients = Array.from({ length: CONCURRENT_CLIENTS }, client);
  try {
    // Every client's first dashboard at once: on a loaded 2-core machine that alone can take over 10 s.
    await waitFor('the clients to have had their first answers', () => (observed.length >= CONCURRENT_CLIENTS ? true : undefined), {
      timeoutMs: 25_000,
    });
    const logsBeforeWrite = supergraph.logs.length;

    await writeFile(supergraph.supergraphPath, changed);

    const reloadedAt = await waitFor('the gateway to log that it reloaded the supergraph', () => {
      const index = supergraph.logs.findIndex((line, position) => position >= logsBeforeWrite && line.includes('supergraph reloaded'));
      return index === -1 ? undefined : index;
    }, { timeoutMs: 10_000 });
    await waitFor(
      'introspection to show the changed description',
      async () => ((await organizationDescription()) === CHANGED_DESCRIPTION ? true : undefined),
      { timeoutMs: 10_000 },
    );
    stopped = true;
    await Promise.all(clients);

    const inFlightDuringReload = observed.filter(({ sentAt, answeredAt }) => sentAt <= reloadedAt && reloadedAt < answeredAt);
    expect(inFlightDuringReload.length).toBeGreaterThan(0);
    expect(observed.map(({ response }) => failureOf(response)).filter((failure) => failure !== undefined)).toEqual([]);
  } finally {
    stopped = true;
    await Promise.all(clients);
  }
}, 60_000);

it.each([
  { what: 'text that is not GraphQL', content: 'this is not a supergraph {' },
  { what: 'GraphQL that is not a supergraph', content: 'type Query { hello: String }\n' },
  { what: 'an empty file, as a half-written one may be', content: '' },
])('keeps serving the current supergraph when the file is replaced with $what, and logs why', async ({ content }) => {
  const descriptionBefore = await organizationDescription();
  expect(descriptionBefore).toEqual(expect.any(String));
  const logsBeforeWrite = supergraph.logs.length;

  await writeFile(supergraph.supergraphPath, content);

  const complaint = await waitFor('the gateway to log that the file is not a valid supergraph', () =>
    supergraph.logs.slice(logsBeforeWrite).find((line) => line.includes('not a valid supergraph')),
  );
  expect(complaint).toMatch(/^error\s/);
  expect(complaint).toContain(`path=${supergraph.supergraphPath}`);
  expect(complaint).toContain('keeping the current one');
  const { status, body } = await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
  expect(failureOf({ status, body, headers: new Headers() })).toBeUndefined();
  expect(await organizationDescription()).toBe(descriptionBefore);
});
