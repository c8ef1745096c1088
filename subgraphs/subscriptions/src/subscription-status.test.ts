import { subscriptionStatus } from './subscription-status';

const today = '2026-03-10';

describe('subscriptionStatus', () => {
  it('is EXPIRED once the last day has passed', () => {
    expect(subscriptionStatus({ trial: false, endsOn: '2026-03-09' }, today)).toBe('EXPIRED');
  });

  it('is EXPIRED for a trial that has ended too', () => {
    expect(subscriptionStatus({ trial: true, endsOn: '2025-12-31' }, today)).toBe('EXPIRED');
  });

  it('is EXPIRING on its last day', () => {
    expect(subscriptionStatus({ trial: false, endsOn: today }, today)).toBe('EXPIRING');
  });

  it('is EXPIRING when it ends exactly 30 days from today', () => {
    expect(subscriptionStatus({ trial: false, endsOn: '2026-04-09' }, today)).toBe('EXPIRING');
  });

  it('is ACTIVE when it ends 31 days from today', () => {
    expect(subscriptionStatus({ trial: false, endsOn: '2026-04-10' }, today)).toBe('ACTIVE');
  });

  it('counts days across a leap day', () => {
    expect(subscriptionStatus({ trial: false, endsOn: '2028-03-02' }, '2028-02-01')).toBe('EXPIRING');
    expect(subscriptionStatus({ trial: false, endsOn: '2028-03-03' }, '2028-02-01')).toBe('ACTIVE');
  });

  it('is TRIAL for a trial that has not ended, however close its end', () => {
    expect(subscriptionStatus({ trial: true, endsOn: today }, today)).toBe('TRIAL');
    expect(subscriptionStatus({ trial: true, endsOn: '2026-09-01' }, today)).toBe('TRIAL');
  });
});
