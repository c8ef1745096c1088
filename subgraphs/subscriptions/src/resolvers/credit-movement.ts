import type { CreditMovementResolvers } from '../generated/resolvers-types';

export const CreditMovement: CreditMovementResolvers = {
  subscription: (movement, _args, { loaders }) => (movement.licenseId === null ? null : loaders.licenseById.load(movement.licenseId)),
  at: (movement) => movement.at.toISOString(),
};
