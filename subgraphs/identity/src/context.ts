import type { AccessTokenIssuer } from '@partnergraph/core';
import type { AccessDecisionLoader, BaseContext, Database } from '@partnergraph/subgraph-kit';
import { createLocalAccessDecisionLoader } from './access-decisions';
import { createApiCredentialScopeLoader, createApiCredentialsLoader, type ApiCredentialScope } from './api-credentials';
import { createLoaders, type Loaders } from './loaders';
import { createOrganizationVisibilityLoader, type OrganizationVisibilityLoader } from './organization-visibility';
import { createPartnerAccessLoaders, type PartnerAccessLoaders } from './partner-access';
import { createPartnerIdChangeLoaders } from './partner-id-changes';

export interface IdentityContext extends BaseContext {
  database: Database;
  loaders: Loaders;
  /** The caller's access decisions, per organization, for identity's own shield rules (see access-decisions.ts). */
  access: AccessDecisionLoader;
  /** The calling API client's credential as it stands now; null for other principals. */
  apiCredentialScope: () => Promise<ApiCredentialScope | null>;
  apiCredentials: ReturnType<typeof createApiCredentialsLoader>;
  /** Whether the caller may know of an organization at all (see organization-visibility.ts). */
  organizationVisibility: OrganizationVisibilityLoader;
  partnerAccess: PartnerAccessLoaders;
  partnerIdChanges: ReturnType<typeof createPartnerIdChangeLoaders>;
  tokens: AccessTokenIssuer;
  /** The portal page invitation links point to. */
  invitationAcceptUrl: string;
  /** The portal page MFA enrolment links point to (enrolment-links.ts). */
  mfaEnrolmentUrl: string;
  /** Whether SMTP delivers the outbox; if not, invitation links are logged for development. */
  emailDelivered: boolean;
  /**
   * Set by signIn for the rest of its request, so the new session's user can
   * be read back. A holder, not a field: Apollo hands resolvers a copy of the
   * context, and the loaders created here must see what a resolver sets.
   */
  signedIn: { userId?: string };
}

export function createContext(
  base: BaseContext,
  database: Database,
  services: { tokens: AccessTokenIssuer; invitationAcceptUrl: string; mfaEnrolmentUrl: string; emailDelivered: boolean },
): IdentityContext {
  const loaders = createLoaders(database);
  const signedIn: { userId?: string } = {};
  const apiCredentialScope = createApiCredentialScopeLoader(database, base.principal);
  return {
    ...base,
    ...services,
    database,
    loaders,
    partnerAccess: createPartnerAccessLoaders(database),
    partnerIdChanges: createPartnerIdChangeLoaders(database),
    signedIn,
    apiCredentialScope,
    access: createLocalAccessDecisionLoader({ principal: base.principal, database, apiCredentialScope }),
    apiCredentials: createApiCredentialsLoader(database),
    organizationVisibility: createOrganizationVisibilityLoader(database, loaders, base.principal, {
      apiCredentialScope,
      async signedInOrganizationId() {
        const user = signedIn.userId === undefined ? null : await loaders.userById.load(signedIn.userId);
        return user?.organizationId ?? null;
      },
    }),
  };
}
