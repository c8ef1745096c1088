import type { Resolvers } from '../generated/resolvers-types';
import { ApiCredential } from './api-credential';
import { AuditActor } from './audit-actor';
import { AuditEvent } from './audit-event';
import { AuditPartnerAccess } from './audit-partner-access';
import { Invitation } from './invitation';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { PartnerAccess } from './partner-access';
import { PartnerAccessEvent } from './partner-access-event';
import { PartnerIdChangeRequest } from './partner-id-change-request';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  ApiCredential,
  AuditActor,
  AuditEvent,
  AuditPartnerAccess,
  Invitation,
  Organization,
  PartnerAccess,
  PartnerAccessEvent,
  PartnerIdChangeRequest,
  User,
};
