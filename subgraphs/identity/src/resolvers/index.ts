import type { Resolvers } from '../generated/resolvers-types';
import { ApiCredential } from './api-credential';
import { AuditActor, AuditEvent, AuditPartnerAccess } from './audit-event';
import { Invitation } from './invitation';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { PartnerAccess, PartnerAccessEvent } from './partner-access';
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
