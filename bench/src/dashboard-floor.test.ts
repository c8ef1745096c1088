import { checkFloorShape } from './dashboard-floor';

const organizations = [
  { id: 'partner', devices: { nodes: [] } },
  { id: 'customer-a', devices: { nodes: [{ id: 'd1' }, { id: 'd2' }] } },
  { id: 'customer-b', devices: { nodes: [{ id: 'd3' }] } },
];

describe('the one-statement floor of the partner dashboard', () => {
  it('is accepted only with the dashboard’s organizations and devices', () => {
    expect(() => checkFloorShape(organizations, { organizations: 3, devices: 3 })).not.toThrow();
    expect(() => checkFloorShape(organizations, { organizations: 3, devices: 4 })).toThrow(
      'the floor statement returns 3 organizations and 3 devices, the dashboard 3 and 4: it is not the same dashboard',
    );
    expect(() => checkFloorShape(organizations.slice(1), { organizations: 3, devices: 3 })).toThrow(/returns 2 organizations/);
  });

  it('counts no organizations when the statement found none (json_agg of no rows is null)', () => {
    expect(() => checkFloorShape(null, { organizations: 1, devices: 0 })).toThrow(/returns 0 organizations and 0 devices/);
  });
});
