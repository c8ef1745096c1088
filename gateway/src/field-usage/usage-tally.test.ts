import { UsageTally } from './usage-tally';

const HOUR = 3_600_000;
const at = (hours: number, minutes = 0): number => Date.UTC(2026, 11, 7) + hours * HOUR + minutes * 60_000;

describe('UsageTally', () => {
  it('counts each execution once per field it selects, by hour, client and operation', () => {
    const tally = new UsageTally({ rows: true, totals: true });
    const list = ['Device.id', 'Device.firmwareRevision', 'Query.devices'];
    const short = ['Device.id', 'Query.devices'];
    tally.record('portal', 'Devices', list, at(10, 5));
    tally.record('portal', 'Devices', list, at(10, 20));
    tally.record('portal', 'Devices', short, at(10, 30));
    tally.record('', 'Devices', list, at(11, 1));

    const { operations, fields } = tally.takeRows();
    expect(operations).toEqual([
      { hour: new Date(at(10)), clientName: 'portal', operationName: 'Devices', count: 3, lastSeenAt: new Date(at(10, 30)) },
      { hour: new Date(at(11)), clientName: '', operationName: 'Devices', count: 1, lastSeenAt: new Date(at(11, 1)) },
    ]);
    const firmware = fields.filter((row) => row.field === 'Device.firmwareRevision');
    expect(firmware.map(({ clientName, count }) => ({ clientName, count }))).toEqual([
      { clientName: 'portal', count: 2 },
      { clientName: '', count: 1 },
    ]);
    expect(fields.find((row) => row.field === 'Device.id' && row.clientName === 'portal')?.count).toBe(3);
    expect(tally.takeRows()).toEqual({ operations: [], fields: [] });
    expect(tally.fieldTotals.get('portal\nDevices\nDevice.firmwareRevision')?.count).toBe(2);
  });

  it('keeps rows that could not be written for the next attempt, adding what came since', () => {
    const tally = new UsageTally({ rows: true, totals: false });
    tally.record('portal', 'Devices', ['Device.id'], at(10));
    const failed = tally.takeRows();
    tally.putBack(failed);
    tally.record('portal', 'Devices', ['Device.id'], at(10, 59));
    const { fields } = tally.takeRows();
    expect(fields).toEqual([expect.objectContaining({ field: 'Device.id', count: 2, lastSeenAt: new Date(at(10, 59)) })]);
    expect(tally.fieldTotals.size).toBe(0);
  });

  it('keeps no rows without a store to write them to', () => {
    const tally = new UsageTally({ rows: false, totals: true });
    tally.record('portal', 'Devices', ['Device.id'], at(10));
    expect(tally.takeRows()).toEqual({ operations: [], fields: [] });
    expect(tally.operationTotals.get('portal\nDevices')?.count).toBe(1);
  });
});
