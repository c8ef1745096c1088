import { CreateSubscriptionLicense1764300100000 } from './1764300100000-create-subscription-license';
import { CreateLicensing1764301200000 } from './1764301200000-create-licensing';
import { AddEmailSendingMark1764301900001 } from './1764301900001-add-email-sending-mark';

/** In the order they apply. */
export const migrations = [CreateSubscriptionLicense1764300100000, CreateLicensing1764301200000, AddEmailSendingMark1764301900001];
