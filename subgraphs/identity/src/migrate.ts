import { runMigrations } from '@partnergraph/subgraph-kit';
import { identityStorage } from './server';

/** This subgraph's pending migrations, without serving (a deployment's migration Job). */
void runMigrations('identity', identityStorage, process.env);
