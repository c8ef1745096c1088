import type { SubscriptionsContext } from '../context';
import type { CreditMovement as Movement } from '../credits';

export const CreditMovement = {
  subscription: (movement: Movement, _args: unknown, { loaders }: SubscriptionsContext) =>
    movement.licenseId === null ? null : loaders.licenseById.load(movement.licenseId),
  at: (movement: Movement) => movement.at.toISOString(),
};
