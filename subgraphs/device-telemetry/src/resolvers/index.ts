import type { Resolvers } from '../generated/resolvers-types';
import { Assessment } from './assessment';
import { Device } from './device';
import { Incident } from './incident';
import { IncidentChange } from './incident-change';
import { IncidentEvent } from './incident-event';
import { InventoryChange } from './inventory-change';
import { Job } from './job';
import { Location } from './location';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { Query } from './query';
import { Sensor } from './sensor';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Assessment,
  Device,
  Incident,
  IncidentChange,
  IncidentEvent,
  InventoryChange,
  Job,
  Location,
  Organization,
  Sensor,
};
