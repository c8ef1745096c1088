import { readAccessCheckConfig, runSubgraph } from '@partnergraph/subgraph-kit';
import { createSubscriptionsSubgraph } from './server';

void runSubgraph('subscriptions', async (environment) => createSubscriptionsSubgraph(readAccessCheckConfig(environment)));
