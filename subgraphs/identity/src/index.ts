import { runSubgraph } from '@partnergraph/subgraph-kit';
import { identitySubgraph } from './server';

void runSubgraph(identitySubgraph);
