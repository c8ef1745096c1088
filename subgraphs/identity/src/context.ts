import type { AccessTokenIssuer } from '@partnergraph/core';
import type { BaseContext, Database } from '@partnergraph/subgraph-kit';
import { createLoaders, type Loaders } from './loaders';
import { createPartnerAccessLoaders, type PartnerAccessLoaders } from './partner-access';

export interface IdentityContext extends BaseContext {
  database: Database;
  loaders: Loaders;
  partnerAccess: PartnerAccessLoaders;
  tokens: AccessTokenIssuer;
  /** The portal page invitation links point to. */
  invitationAcceptUrl: string;
  /** Set by signIn for the rest of its request, so the new session's user can be read back. */
  signedInUserId?: string;
}

export function createContext(
  base: BaseContext,
  database: Database,
  services: { tokens: AccessTokenIssuer; invitationAcceptUrl: string },
): IdentityContext {
  return { ...base, ...services, database, loaders: createLoaders(database), partnerAccess: createPartnerAccessLoaders(database) };
}
