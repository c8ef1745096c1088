import { runMigrations } from '@partnergraph/subgraph-kit';
import { subscriptionsStorage } from './server';

/** This subgraph's pending migrations, without serving (a deployment's migration Job). */
void runMigrations('subscriptions', subscriptionsStorage, process.env);
