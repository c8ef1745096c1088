import { runSubgraph } from '@partnergraph/subgraph-kit';
import { subscriptionsSubgraph } from './server';

void runSubgraph('subscriptions', async () => subscriptionsSubgraph);
