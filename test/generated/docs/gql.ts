/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ApiGuideLine134($northwindId: ID!) {\n  revokePartnerAccess(partnerOrganizationId: $northwindId)\n}": typeof types.ApiGuideLine134Document,
    "mutation ApiGuideLine84($enrolmentLinkToken: String!) {\n  startMfaEnrolmentFromLink(token: $enrolmentLinkToken) {\n    secret\n    otpauthUri\n  }\n}": typeof types.ApiGuideLine84Document,
    "mutation ApiGuideLine51 {\n  signIn(email: \"admin@contoso.example\", password: \"partnergraph-demo\") {\n    accessToken\n    expiresIn\n    user {\n      id\n      email\n    }\n  }\n}": typeof types.ApiGuideLine51Document,
    "query ReadmeLine32 {\n  organizations {\n    nodes {\n      id\n      name\n      kind\n      partnerId\n      subscriptions {\n        id\n        product\n        status\n        endsOn\n      }\n      devices(first: 10) {\n        nodes {\n          id\n          name\n          make\n          model\n          serialNumber\n          firmwareRevision\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ReadmeLine32Document,
    "query ApiGuideLine303 {\n  creditPrices {\n    product\n    creditsPerDeviceMonth\n  }\n}": typeof types.ApiGuideLine303Document,
    "mutation ApiGuideLine85($enrolmentLinkToken: String!, $totpCode: String!) {\n  confirmMfaEnrolmentFromLink(token: $enrolmentLinkToken, totpCode: $totpCode)\n}": typeof types.ApiGuideLine85Document,
    "mutation ApiGuideLine302 {\n  redeemVoucher(code: \"B54X0-WTN4T-M6DDR-EEE20-P1YJG\")\n}": typeof types.ApiGuideLine302Document,
    "subscription WatchReadings($sensorIds: [ID!]!) {\n  sensorReadings(sensorIds: $sensorIds) {\n    cursor\n    sensor {\n      id\n      type\n      unit\n    }\n    reading {\n      at\n      value\n    }\n  }\n}": typeof types.WatchReadingsDocument,
    "query ApiGuideLine361($customerId: ID!, $from: String!, $to: String!) {\n  organization(id: $customerId) {\n    id\n    devices(first: 1, filter: {types: [UPS]}) {\n      nodes {\n        id\n        name\n        sensors {\n          id\n          type\n          history(from: $from, to: $to, maxPoints: 288) {\n            resolution\n            bucketSeconds\n            buckets {\n              start\n              min\n              max\n              average\n              last\n              count\n            }\n          }\n        }\n        incidents(open: true) {\n          nodes {\n            id\n            severity\n            message\n            raisedAt\n            acknowledgement {\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ApiGuideLine361Document,
    "mutation ApiGuideLine196($enrolmentToken: String!, $totpCode: String!) {\n  createPartnerAccount(\n    organizationName: \"Acme, Inc.\"\n    partnerId: \"ACME_INC\"\n    admin: {email: \"ada@acme.example\", displayName: \"Ada\", password: \"correct horse battery staple\"}\n    mfaEnrolmentToken: $enrolmentToken\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      organization {\n        id\n        partnerId\n      }\n    }\n  }\n}": typeof types.ApiGuideLine196Document,
    "mutation ApiGuideLine132($northwindId: ID!) {\n  setPartnerAccess(\n    partnerOrganizationId: $northwindId\n    administrator: false\n    apiDeviceData: true\n  ) {\n    partner {\n      id\n      name\n    }\n    administrator\n    apiDeviceData\n  }\n}": typeof types.ApiGuideLine132Document,
    "subscription WatchCustomerIncidents {\n  incidentEvents {\n    cursor\n    kind\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      device {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.WatchCustomerIncidentsDocument,
    "query ApiGuideLine352 {\n  organizations {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 50) {\n        nodes {\n          id\n          name\n          type\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ApiGuideLine352Document,
    "mutation ApiGuideLine299($customerId: ID!, $today: String!) {\n  redeemLicenseKey(\n    customerId: $customerId\n    key: \"7EV26-8GDWH-6TQ1J-SQMSE-VSWR9\"\n    startDate: $today\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}": typeof types.ApiGuideLine299Document,
    "mutation ApiGuideLine304($grantingCustomerId: ID!, $today: String!) {\n  activateSubscription(\n    customerId: $grantingCustomerId\n    product: \"IT Expert\"\n    deviceAllowance: 20\n    months: 12\n    startDate: $today\n    installerEmails: [\"it@tailspin.example\"]\n    idempotencyKey: \"order-4711\"\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}": typeof types.ApiGuideLine304Document,
    "mutation ApiGuideLine159($invitationToken: String!) {\n  startInvitationMfaEnrolment(token: $invitationToken) {\n    secret\n    otpauthUri\n  }\n}": typeof types.ApiGuideLine159Document,
    "query ApiGuideLine307 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        name\n        creditBalance\n        creditMovements {\n          id\n          kind\n          amount\n          balanceAfter\n          at\n        }\n      }\n    }\n  }\n}": typeof types.ApiGuideLine307Document,
    "mutation ApiGuideLine160($invitationToken: String!, $totpCode: String!) {\n  acceptUserInvitation(\n    token: $invitationToken\n    displayName: \"Ada\"\n    password: \"correct horse battery staple\"\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      email\n      mfaEnabled\n    }\n  }\n}": typeof types.ApiGuideLine160Document,
    "mutation ApiGuideLine221($apiCustomerId: ID!) {\n  createApiCredential(name: \"Nightly export\", customerIds: [$apiCustomerId]) {\n    clientSecret\n    credential {\n      id\n      clientId\n    }\n  }\n}": typeof types.ApiGuideLine221Document,
    "query ApiGuideLine308 {\n  organizations {\n    nodes {\n      id\n      name\n      subscriptions(status: [EXPIRING]) {\n        id\n        product\n        endsOn\n      }\n    }\n  }\n}": typeof types.ApiGuideLine308Document,
    "query PartnerDashboard($from: String!, $to: String!) {\n  organizations(first: 10) {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 20) {\n        nodes {\n          id\n          name\n          type\n          openIncidentCount\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n            history(from: $from, to: $to, maxPoints: 288) {\n              bucketSeconds\n              buckets {\n                start\n                average\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.PartnerDashboardDocument,
    "mutation ApiGuideLine370($incidentId: ID!) {\n  acknowledgeIncident(\n    incidentId: $incidentId\n    note: \"Battery replacement ordered\"\n  ) {\n    id\n    acknowledgement {\n      note\n      at\n    }\n  }\n}": typeof types.ApiGuideLine370Document,
    "mutation ApiGuideLine157 {\n  inviteUser(email: \"ada@northwind.example\", role: VIEWER) {\n    id\n    email\n    role\n    expiresAt\n  }\n}": typeof types.ApiGuideLine157Document,
    "query ApiGuideLine367($customerId: ID!, $month: String!) {\n  organization(id: $customerId) {\n    id\n    assessment(month: $month) {\n      monitoringCoverage\n      incidentsBySeverity {\n        severity\n        count\n      }\n      upsHealth {\n        device {\n          id\n          name\n        }\n        score\n        minBatteryRuntimeMinutes\n        averageLoadPercent\n      }\n    }\n  }\n}": typeof types.ApiGuideLine367Document,
    "mutation ApiGuideLine195 {\n  startPartnerAccountMfaEnrolment(adminEmail: \"ada@acme.example\") {\n    enrolmentToken\n    secret\n    otpauthUri\n  }\n}": typeof types.ApiGuideLine195Document,
    "query ApiGuideLine273 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n          nodes {\n            id\n            action\n            at\n            actor {\n              kind\n              id\n              user {\n                id\n                email\n              }\n            }\n            user {\n              id\n              email\n            }\n            signInFailure\n            partnerAccess {\n              partner {\n                id\n                name\n              }\n              administrator\n              apiDeviceData\n            }\n            apiCredential {\n              id\n              name\n              clientId\n            }\n            partnerIdChange {\n              previousPartnerId\n              partnerId\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ApiGuideLine273Document,
    "query ApiGuideLine135 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        partnerAccess {\n          partner {\n            id\n            name\n          }\n          administrator\n          apiDeviceData\n          grantedAt\n        }\n        partnerAccessHistory {\n          action\n          actor {\n            id\n            email\n          }\n          administrator\n          apiDeviceData\n          at\n        }\n      }\n    }\n  }\n}": typeof types.ApiGuideLine135Document,
    "query IncidentEventsFeed($after: String) {\n  incidentEventsFeed(after: $after, first: 100) {\n    cursor\n    hasMore\n    events {\n      cursor\n      kind\n      incidentId\n      incident {\n        id\n        severity\n      }\n    }\n  }\n}": typeof types.IncidentEventsFeedDocument,
    "query ApiGuideLine194 {\n  suggestPartnerId(organizationName: \"Acme, Inc.\")\n}": typeof types.ApiGuideLine194Document,
    "subscription WatchIncidents($after: String) {\n  incidentEvents(severities: [WARNING, CRITICAL], after: $after) {\n    cursor\n    kind\n    at\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      reactivationCount\n      device {\n        id\n        name\n        ipAddress\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}": typeof types.WatchIncidentsDocument,
};
const documents: Documents = {
    "mutation ApiGuideLine134($northwindId: ID!) {\n  revokePartnerAccess(partnerOrganizationId: $northwindId)\n}": types.ApiGuideLine134Document,
    "mutation ApiGuideLine84($enrolmentLinkToken: String!) {\n  startMfaEnrolmentFromLink(token: $enrolmentLinkToken) {\n    secret\n    otpauthUri\n  }\n}": types.ApiGuideLine84Document,
    "mutation ApiGuideLine51 {\n  signIn(email: \"admin@contoso.example\", password: \"partnergraph-demo\") {\n    accessToken\n    expiresIn\n    user {\n      id\n      email\n    }\n  }\n}": types.ApiGuideLine51Document,
    "query ReadmeLine32 {\n  organizations {\n    nodes {\n      id\n      name\n      kind\n      partnerId\n      subscriptions {\n        id\n        product\n        status\n        endsOn\n      }\n      devices(first: 10) {\n        nodes {\n          id\n          name\n          make\n          model\n          serialNumber\n          firmwareRevision\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n          }\n        }\n      }\n    }\n  }\n}": types.ReadmeLine32Document,
    "query ApiGuideLine303 {\n  creditPrices {\n    product\n    creditsPerDeviceMonth\n  }\n}": types.ApiGuideLine303Document,
    "mutation ApiGuideLine85($enrolmentLinkToken: String!, $totpCode: String!) {\n  confirmMfaEnrolmentFromLink(token: $enrolmentLinkToken, totpCode: $totpCode)\n}": types.ApiGuideLine85Document,
    "mutation ApiGuideLine302 {\n  redeemVoucher(code: \"B54X0-WTN4T-M6DDR-EEE20-P1YJG\")\n}": types.ApiGuideLine302Document,
    "subscription WatchReadings($sensorIds: [ID!]!) {\n  sensorReadings(sensorIds: $sensorIds) {\n    cursor\n    sensor {\n      id\n      type\n      unit\n    }\n    reading {\n      at\n      value\n    }\n  }\n}": types.WatchReadingsDocument,
    "query ApiGuideLine361($customerId: ID!, $from: String!, $to: String!) {\n  organization(id: $customerId) {\n    id\n    devices(first: 1, filter: {types: [UPS]}) {\n      nodes {\n        id\n        name\n        sensors {\n          id\n          type\n          history(from: $from, to: $to, maxPoints: 288) {\n            resolution\n            bucketSeconds\n            buckets {\n              start\n              min\n              max\n              average\n              last\n              count\n            }\n          }\n        }\n        incidents(open: true) {\n          nodes {\n            id\n            severity\n            message\n            raisedAt\n            acknowledgement {\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ApiGuideLine361Document,
    "mutation ApiGuideLine196($enrolmentToken: String!, $totpCode: String!) {\n  createPartnerAccount(\n    organizationName: \"Acme, Inc.\"\n    partnerId: \"ACME_INC\"\n    admin: {email: \"ada@acme.example\", displayName: \"Ada\", password: \"correct horse battery staple\"}\n    mfaEnrolmentToken: $enrolmentToken\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      organization {\n        id\n        partnerId\n      }\n    }\n  }\n}": types.ApiGuideLine196Document,
    "mutation ApiGuideLine132($northwindId: ID!) {\n  setPartnerAccess(\n    partnerOrganizationId: $northwindId\n    administrator: false\n    apiDeviceData: true\n  ) {\n    partner {\n      id\n      name\n    }\n    administrator\n    apiDeviceData\n  }\n}": types.ApiGuideLine132Document,
    "subscription WatchCustomerIncidents {\n  incidentEvents {\n    cursor\n    kind\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      device {\n        id\n        name\n      }\n    }\n  }\n}": types.WatchCustomerIncidentsDocument,
    "query ApiGuideLine352 {\n  organizations {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 50) {\n        nodes {\n          id\n          name\n          type\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ApiGuideLine352Document,
    "mutation ApiGuideLine299($customerId: ID!, $today: String!) {\n  redeemLicenseKey(\n    customerId: $customerId\n    key: \"7EV26-8GDWH-6TQ1J-SQMSE-VSWR9\"\n    startDate: $today\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}": types.ApiGuideLine299Document,
    "mutation ApiGuideLine304($grantingCustomerId: ID!, $today: String!) {\n  activateSubscription(\n    customerId: $grantingCustomerId\n    product: \"IT Expert\"\n    deviceAllowance: 20\n    months: 12\n    startDate: $today\n    installerEmails: [\"it@tailspin.example\"]\n    idempotencyKey: \"order-4711\"\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}": types.ApiGuideLine304Document,
    "mutation ApiGuideLine159($invitationToken: String!) {\n  startInvitationMfaEnrolment(token: $invitationToken) {\n    secret\n    otpauthUri\n  }\n}": types.ApiGuideLine159Document,
    "query ApiGuideLine307 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        name\n        creditBalance\n        creditMovements {\n          id\n          kind\n          amount\n          balanceAfter\n          at\n        }\n      }\n    }\n  }\n}": types.ApiGuideLine307Document,
    "mutation ApiGuideLine160($invitationToken: String!, $totpCode: String!) {\n  acceptUserInvitation(\n    token: $invitationToken\n    displayName: \"Ada\"\n    password: \"correct horse battery staple\"\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      email\n      mfaEnabled\n    }\n  }\n}": types.ApiGuideLine160Document,
    "mutation ApiGuideLine221($apiCustomerId: ID!) {\n  createApiCredential(name: \"Nightly export\", customerIds: [$apiCustomerId]) {\n    clientSecret\n    credential {\n      id\n      clientId\n    }\n  }\n}": types.ApiGuideLine221Document,
    "query ApiGuideLine308 {\n  organizations {\n    nodes {\n      id\n      name\n      subscriptions(status: [EXPIRING]) {\n        id\n        product\n        endsOn\n      }\n    }\n  }\n}": types.ApiGuideLine308Document,
    "query PartnerDashboard($from: String!, $to: String!) {\n  organizations(first: 10) {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 20) {\n        nodes {\n          id\n          name\n          type\n          openIncidentCount\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n            history(from: $from, to: $to, maxPoints: 288) {\n              bucketSeconds\n              buckets {\n                start\n                average\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.PartnerDashboardDocument,
    "mutation ApiGuideLine370($incidentId: ID!) {\n  acknowledgeIncident(\n    incidentId: $incidentId\n    note: \"Battery replacement ordered\"\n  ) {\n    id\n    acknowledgement {\n      note\n      at\n    }\n  }\n}": types.ApiGuideLine370Document,
    "mutation ApiGuideLine157 {\n  inviteUser(email: \"ada@northwind.example\", role: VIEWER) {\n    id\n    email\n    role\n    expiresAt\n  }\n}": types.ApiGuideLine157Document,
    "query ApiGuideLine367($customerId: ID!, $month: String!) {\n  organization(id: $customerId) {\n    id\n    assessment(month: $month) {\n      monitoringCoverage\n      incidentsBySeverity {\n        severity\n        count\n      }\n      upsHealth {\n        device {\n          id\n          name\n        }\n        score\n        minBatteryRuntimeMinutes\n        averageLoadPercent\n      }\n    }\n  }\n}": types.ApiGuideLine367Document,
    "mutation ApiGuideLine195 {\n  startPartnerAccountMfaEnrolment(adminEmail: \"ada@acme.example\") {\n    enrolmentToken\n    secret\n    otpauthUri\n  }\n}": types.ApiGuideLine195Document,
    "query ApiGuideLine273 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n          nodes {\n            id\n            action\n            at\n            actor {\n              kind\n              id\n              user {\n                id\n                email\n              }\n            }\n            user {\n              id\n              email\n            }\n            signInFailure\n            partnerAccess {\n              partner {\n                id\n                name\n              }\n              administrator\n              apiDeviceData\n            }\n            apiCredential {\n              id\n              name\n              clientId\n            }\n            partnerIdChange {\n              previousPartnerId\n              partnerId\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n}": types.ApiGuideLine273Document,
    "query ApiGuideLine135 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        partnerAccess {\n          partner {\n            id\n            name\n          }\n          administrator\n          apiDeviceData\n          grantedAt\n        }\n        partnerAccessHistory {\n          action\n          actor {\n            id\n            email\n          }\n          administrator\n          apiDeviceData\n          at\n        }\n      }\n    }\n  }\n}": types.ApiGuideLine135Document,
    "query IncidentEventsFeed($after: String) {\n  incidentEventsFeed(after: $after, first: 100) {\n    cursor\n    hasMore\n    events {\n      cursor\n      kind\n      incidentId\n      incident {\n        id\n        severity\n      }\n    }\n  }\n}": types.IncidentEventsFeedDocument,
    "query ApiGuideLine194 {\n  suggestPartnerId(organizationName: \"Acme, Inc.\")\n}": types.ApiGuideLine194Document,
    "subscription WatchIncidents($after: String) {\n  incidentEvents(severities: [WARNING, CRITICAL], after: $after) {\n    cursor\n    kind\n    at\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      reactivationCount\n      device {\n        id\n        name\n        ipAddress\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}": types.WatchIncidentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine134($northwindId: ID!) {\n  revokePartnerAccess(partnerOrganizationId: $northwindId)\n}"): typeof import('./graphql').ApiGuideLine134Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine84($enrolmentLinkToken: String!) {\n  startMfaEnrolmentFromLink(token: $enrolmentLinkToken) {\n    secret\n    otpauthUri\n  }\n}"): typeof import('./graphql').ApiGuideLine84Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine51 {\n  signIn(email: \"admin@contoso.example\", password: \"partnergraph-demo\") {\n    accessToken\n    expiresIn\n    user {\n      id\n      email\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine51Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReadmeLine32 {\n  organizations {\n    nodes {\n      id\n      name\n      kind\n      partnerId\n      subscriptions {\n        id\n        product\n        status\n        endsOn\n      }\n      devices(first: 10) {\n        nodes {\n          id\n          name\n          make\n          model\n          serialNumber\n          firmwareRevision\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ReadmeLine32Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine303 {\n  creditPrices {\n    product\n    creditsPerDeviceMonth\n  }\n}"): typeof import('./graphql').ApiGuideLine303Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine85($enrolmentLinkToken: String!, $totpCode: String!) {\n  confirmMfaEnrolmentFromLink(token: $enrolmentLinkToken, totpCode: $totpCode)\n}"): typeof import('./graphql').ApiGuideLine85Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine302 {\n  redeemVoucher(code: \"B54X0-WTN4T-M6DDR-EEE20-P1YJG\")\n}"): typeof import('./graphql').ApiGuideLine302Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WatchReadings($sensorIds: [ID!]!) {\n  sensorReadings(sensorIds: $sensorIds) {\n    cursor\n    sensor {\n      id\n      type\n      unit\n    }\n    reading {\n      at\n      value\n    }\n  }\n}"): typeof import('./graphql').WatchReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine361($customerId: ID!, $from: String!, $to: String!) {\n  organization(id: $customerId) {\n    id\n    devices(first: 1, filter: {types: [UPS]}) {\n      nodes {\n        id\n        name\n        sensors {\n          id\n          type\n          history(from: $from, to: $to, maxPoints: 288) {\n            resolution\n            bucketSeconds\n            buckets {\n              start\n              min\n              max\n              average\n              last\n              count\n            }\n          }\n        }\n        incidents(open: true) {\n          nodes {\n            id\n            severity\n            message\n            raisedAt\n            acknowledgement {\n              note\n              at\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine361Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine196($enrolmentToken: String!, $totpCode: String!) {\n  createPartnerAccount(\n    organizationName: \"Acme, Inc.\"\n    partnerId: \"ACME_INC\"\n    admin: {email: \"ada@acme.example\", displayName: \"Ada\", password: \"correct horse battery staple\"}\n    mfaEnrolmentToken: $enrolmentToken\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      organization {\n        id\n        partnerId\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine196Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine132($northwindId: ID!) {\n  setPartnerAccess(\n    partnerOrganizationId: $northwindId\n    administrator: false\n    apiDeviceData: true\n  ) {\n    partner {\n      id\n      name\n    }\n    administrator\n    apiDeviceData\n  }\n}"): typeof import('./graphql').ApiGuideLine132Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WatchCustomerIncidents {\n  incidentEvents {\n    cursor\n    kind\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      device {\n        id\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql').WatchCustomerIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine352 {\n  organizations {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 50) {\n        nodes {\n          id\n          name\n          type\n          ipAddress\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine352Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine299($customerId: ID!, $today: String!) {\n  redeemLicenseKey(\n    customerId: $customerId\n    key: \"7EV26-8GDWH-6TQ1J-SQMSE-VSWR9\"\n    startDate: $today\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}"): typeof import('./graphql').ApiGuideLine299Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine304($grantingCustomerId: ID!, $today: String!) {\n  activateSubscription(\n    customerId: $grantingCustomerId\n    product: \"IT Expert\"\n    deviceAllowance: 20\n    months: 12\n    startDate: $today\n    installerEmails: [\"it@tailspin.example\"]\n    idempotencyKey: \"order-4711\"\n  ) {\n    id\n    product\n    deviceAllowance\n    startsOn\n    endsOn\n    status\n  }\n}"): typeof import('./graphql').ApiGuideLine304Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine159($invitationToken: String!) {\n  startInvitationMfaEnrolment(token: $invitationToken) {\n    secret\n    otpauthUri\n  }\n}"): typeof import('./graphql').ApiGuideLine159Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine307 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        name\n        creditBalance\n        creditMovements {\n          id\n          kind\n          amount\n          balanceAfter\n          at\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine307Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine160($invitationToken: String!, $totpCode: String!) {\n  acceptUserInvitation(\n    token: $invitationToken\n    displayName: \"Ada\"\n    password: \"correct horse battery staple\"\n    totpCode: $totpCode\n  ) {\n    accessToken\n    refreshToken\n    recoveryCodes\n    user {\n      id\n      email\n      mfaEnabled\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine160Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine221($apiCustomerId: ID!) {\n  createApiCredential(name: \"Nightly export\", customerIds: [$apiCustomerId]) {\n    clientSecret\n    credential {\n      id\n      clientId\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine221Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine308 {\n  organizations {\n    nodes {\n      id\n      name\n      subscriptions(status: [EXPIRING]) {\n        id\n        product\n        endsOn\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine308Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerDashboard($from: String!, $to: String!) {\n  organizations(first: 10) {\n    nodes {\n      id\n      name\n      deviceCount\n      openIncidentCount\n      devices(first: 20) {\n        nodes {\n          id\n          name\n          type\n          openIncidentCount\n          sensors {\n            id\n            type\n            unit\n            latest {\n              at\n              value\n            }\n            history(from: $from, to: $to, maxPoints: 288) {\n              bucketSeconds\n              buckets {\n                start\n                average\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').PartnerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine370($incidentId: ID!) {\n  acknowledgeIncident(\n    incidentId: $incidentId\n    note: \"Battery replacement ordered\"\n  ) {\n    id\n    acknowledgement {\n      note\n      at\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine370Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine157 {\n  inviteUser(email: \"ada@northwind.example\", role: VIEWER) {\n    id\n    email\n    role\n    expiresAt\n  }\n}"): typeof import('./graphql').ApiGuideLine157Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine367($customerId: ID!, $month: String!) {\n  organization(id: $customerId) {\n    id\n    assessment(month: $month) {\n      monitoringCoverage\n      incidentsBySeverity {\n        severity\n        count\n      }\n      upsHealth {\n        device {\n          id\n          name\n        }\n        score\n        minBatteryRuntimeMinutes\n        averageLoadPercent\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine367Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiGuideLine195 {\n  startPartnerAccountMfaEnrolment(adminEmail: \"ada@acme.example\") {\n    enrolmentToken\n    secret\n    otpauthUri\n  }\n}"): typeof import('./graphql').ApiGuideLine195Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine273 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n          nodes {\n            id\n            action\n            at\n            actor {\n              kind\n              id\n              user {\n                id\n                email\n              }\n            }\n            user {\n              id\n              email\n            }\n            signInFailure\n            partnerAccess {\n              partner {\n                id\n                name\n              }\n              administrator\n              apiDeviceData\n            }\n            apiCredential {\n              id\n              name\n              clientId\n            }\n            partnerIdChange {\n              previousPartnerId\n              partnerId\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine273Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine135 {\n  viewer {\n    user {\n      id\n      organization {\n        id\n        partnerAccess {\n          partner {\n            id\n            name\n          }\n          administrator\n          apiDeviceData\n          grantedAt\n        }\n        partnerAccessHistory {\n          action\n          actor {\n            id\n            email\n          }\n          administrator\n          apiDeviceData\n          at\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ApiGuideLine135Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query IncidentEventsFeed($after: String) {\n  incidentEventsFeed(after: $after, first: 100) {\n    cursor\n    hasMore\n    events {\n      cursor\n      kind\n      incidentId\n      incident {\n        id\n        severity\n      }\n    }\n  }\n}"): typeof import('./graphql').IncidentEventsFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiGuideLine194 {\n  suggestPartnerId(organizationName: \"Acme, Inc.\")\n}"): typeof import('./graphql').ApiGuideLine194Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WatchIncidents($after: String) {\n  incidentEvents(severities: [WARNING, CRITICAL], after: $after) {\n    cursor\n    kind\n    at\n    incident {\n      id\n      severity\n      message\n      clearedAt\n      reactivationCount\n      device {\n        id\n        name\n        ipAddress\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').WatchIncidentsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
