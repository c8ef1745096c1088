import { CreateOrganization1764300000000 } from './1764300000000-create-organization';
import { CreateUserAccount1764300300000 } from './1764300300000-create-user-account';
import { TightenPartnerIdCheck1764300400000 } from './1764300400000-tighten-partner-id-check';
import { CreatePartnerGrant1764300500000 } from './1764300500000-create-partner-grant';
import { CreateInvitationAndOutbox1764300600000 } from './1764300600000-create-invitation-and-outbox';
import { AddMfaEnrolment1764300700000 } from './1764300700000-add-mfa-enrolment';
import { CreateRefreshToken1764300800000 } from './1764300800000-create-refresh-token';
import { CreateApiCredential1764300900000 } from './1764300900000-create-api-credential';
import { CreatePartnerIdChangeRequest1764301100000 } from './1764301100000-create-partner-id-change-request';
import { AddEmailDeliveryAttempts1764301200000 } from './1764301200000-add-email-delivery-attempts';
import { CreateAuditEvent1764301300000 } from './1764301300000-create-audit-event';
import { EnforceMfa1764301700000 } from './1764301700000-enforce-mfa';
import { AddEmailSendingMark1764301900000 } from './1764301900000-add-email-sending-mark';
import { NotifyAccessChanges1764302000000 } from './1764302000000-notify-access-changes';
import { CreateSigningKey1765000000000 } from './1765000000000-create-signing-key';

/** In the order they apply. */
export const migrations = [
  CreateOrganization1764300000000,
  CreateUserAccount1764300300000,
  TightenPartnerIdCheck1764300400000,
  CreatePartnerGrant1764300500000,
  CreateInvitationAndOutbox1764300600000,
  AddMfaEnrolment1764300700000,
  CreateRefreshToken1764300800000,
  CreateApiCredential1764300900000,
  CreatePartnerIdChangeRequest1764301100000,
  AddEmailDeliveryAttempts1764301200000,
  CreateAuditEvent1764301300000,
  EnforceMfa1764301700000,
  AddEmailSendingMark1764301900000,
  NotifyAccessChanges1764302000000,
  CreateSigningKey1765000000000,
];
