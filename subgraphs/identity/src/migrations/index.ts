import { CreateOrganization1764300000000 } from './1764300000000-create-organization';

/** In the order they apply. */
export const migrations = [CreateOrganization1764300000000];
