import {
  AlarmTracker,
  conditionOfMessage,
  readingTimes,
  simulateTelemetry,
  type AlarmEvent,
  type SimulatedReading,
  type SimulatedSensor,
  type SimulationBatch,
  type SimulationOptions,
} from './telemetry-simulation';

const DAY_MS = 86_400_000;
const START = new Date('2025-03-03T00:00:00Z');

function room(organization: number): SimulatedSensor[] {
  const organizationId = `00000000-0000-4000-8000-${String(organization).padStart(12, '0')}`;
  const sensor = (device: string, index: number, type: SimulatedSensor['type']): SimulatedSensor => ({
    id: `${organizationId}:${device}:${index}`,
    organizationId,
    deviceId: `${organizationId}:${device}`,
    type,
  });
  return [
    sensor('ups', 0, 'LOAD'),
    sensor('ups', 1, 'BATTERY_RUNTIME'),
    sensor('ups', 2, 'INPUT_VOLTAGE'),
    sensor('pdu', 0, 'OUTPUT_POWER'),
    sensor('hub', 0, 'TEMPERATURE'),
    sensor('hub', 1, 'HUMIDITY'),
  ];
}

function run(options: Partial<SimulationOptions> & { days: number; organizations?: number }): SimulationBatch[] {
  const { days, organizations = 1, ...rest } = options;
  return [
    ...simulateTelemetry({
      sensors: Array.from({ length: organizations }, (_, index) => room(index)).flat(),
      from: START,
      to: new Date(START.getTime() + days * DAY_MS - 1),
      intervalMinutes: 5,
      seed: 7,
      batchSize: 10_000,
      ...rest,
    }),
  ];
}

function readingsOf(batches: readonly SimulationBatch[]): SimulatedReading[] {
  return batches.flatMap((batch) => batch.readings);
}

const SENSOR_TYPES = new Map(
  Array.from({ length: 3 }, (_, index) => room(index))
    .flat()
    .map((sensor) => [sensor.id, sensor.type]),
);

function valuesOf(batches: readonly SimulationBatch[], type: SimulatedSensor['type'], hours?: [number, number]): number[] {
  const values: number[] = [];
  for (const reading of readingsOf(batches)) {
    if (SENSOR_TYPES.get(reading.sensorId) !== type) continue;
    if (hours && (reading.at.getUTCHours() < hours[0] || reading.at.getUTCHours() >= hours[1])) continue;
    values.push(reading.value);
  }
  return values;
}

const average = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('the telemetry simulation', () => {
  // Two months of three server rooms: enough outages, sags and cooling faults to see every kind of alarm.
  let months: SimulationBatch[] = [];
  beforeAll(() => {
    months = run({ days: 60, organizations: 3 });
  });

  it('is deterministic for a seed, whatever the batch size, and differs for another seed', () => {
    const first = run({ days: 3, organizations: 2 });
    const again = run({ days: 3, organizations: 2 });
    const smallBatches = run({ days: 3, organizations: 2, batchSize: 777 });
    const otherSeed = run({ days: 3, organizations: 2, seed: 8 });

    expect(readingsOf(again)).toEqual(readingsOf(first));
    expect(again.flatMap((batch) => batch.incidents)).toEqual(first.flatMap((batch) => batch.incidents));
    expect(readingsOf(smallBatches)).toEqual(readingsOf(first));
    expect(smallBatches.every((batch) => batch.readings.length <= 777)).toBe(true);
    expect(readingsOf(otherSeed).map((reading) => reading.value)).not.toEqual(readingsOf(first).map((reading) => reading.value));
  });

  it('takes a reading from every sensor at every multiple of the interval in the range', () => {
    const readings = readingsOf(run({ days: 1 }));
    expect(readingTimes(START, new Date(START.getTime() + DAY_MS - 1), 5)).toEqual({ first: START.getTime(), count: 288 });
    expect(readings).toHaveLength(288 * room(0).length);
    expect(new Set(readings.map((reading) => `${reading.sensorId}@${reading.at.toISOString()}`)).size).toBe(readings.length);
    expect(readings.every((reading) => reading.at.getTime() % 300_000 === 0)).toBe(true);
  });

  it('follows a daily cycle: afternoons are warmer than nights, and load peaks in office hours on weekdays', () => {
    const batches = run({ days: 14 });
    const afternoon = average(valuesOf(batches, 'TEMPERATURE', [13, 17]));
    const night = average(valuesOf(batches, 'TEMPERATURE', [1, 5]));
    expect(afternoon - night).toBeGreaterThan(2);
    expect(average(valuesOf(batches, 'HUMIDITY', [13, 17]))).toBeLessThan(average(valuesOf(batches, 'HUMIDITY', [1, 5])));
    expect(average(valuesOf(batches, 'LOAD', [11, 16]))).toBeGreaterThan(average(valuesOf(batches, 'LOAD', [0, 5])) + 8);
  });

  it('keeps values within plausible bounds', () => {
    const bounds = (type: SimulatedSensor['type']) => {
      const values = valuesOf(months, type);
      return { min: values.reduce((a, b) => Math.min(a, b)), max: values.reduce((a, b) => Math.max(a, b)), mean: average(values) };
    };
    const temperature = bounds('TEMPERATURE');
    expect(temperature.min).toBeGreaterThan(18);
    expect(temperature.max).toBeLessThan(36);
    expect(temperature.mean).toBeGreaterThan(22);
    expect(temperature.mean).toBeLessThan(27);
    const humidity = bounds('HUMIDITY');
    expect(humidity.min).toBeGreaterThanOrEqual(35);
    expect(humidity.max).toBeLessThanOrEqual(55);
    const load = bounds('LOAD');
    expect(load.min).toBeGreaterThanOrEqual(0);
    expect(load.max).toBeLessThanOrEqual(100);
    const runtime = bounds('BATTERY_RUNTIME');
    expect(runtime.min).toBeGreaterThanOrEqual(0);
    expect(runtime.max).toBeLessThan(200);
    const voltages = valuesOf(months, 'INPUT_VOLTAGE');
    expect(voltages.every((value) => value === 0 || (value > 190 && value < 240))).toBe(true);
    expect(average(voltages.filter((value) => value > 0))).toBeCloseTo(230, 0);
    const power = bounds('OUTPUT_POWER');
    expect(power.min).toBeGreaterThanOrEqual(0);
    expect(power.max).toBeLessThan(6.5);
  });

  it('raises, clears and reactivates incidents from its own outages, sags and cooling faults', () => {
    const totals = months.reduce(
      (sum, batch) => ({ raised: sum.raised + batch.raised, cleared: sum.cleared + batch.cleared, reactivated: sum.reactivated + batch.reactivated }),
      { raised: 0, cleared: 0, reactivated: 0 },
    );
    expect(totals.raised).toBeGreaterThan(5);
    expect(totals.cleared).toBeGreaterThan(5);
    expect(totals.reactivated).toBeGreaterThan(0);
    const incidents = new Map(months.flatMap((batch) => batch.incidents).map((incident) => [incident.id, incident]));
    const severities = new Set([...incidents.values()].map((incident) => incident.severity));
    expect(severities).toEqual(new Set(['WARNING', 'CRITICAL']));
    for (const incident of incidents.values()) {
      if (incident.clearedAt) expect(incident.clearedAt.getTime()).toBeGreaterThan(incident.raisedAt.getTime());
    }
  });
});

describe('the alarm tracker', () => {
  const hub: SimulatedSensor = { id: 'hub-temperature', organizationId: 'organization', deviceId: 'hub', type: 'TEMPERATURE' };
  const minutes = (count: number): Date => new Date(START.getTime() + count * 60_000);

  function feed(tracker: AlarmTracker, series: readonly [number, number][]): (AlarmEvent & { at: number })[] {
    return series.flatMap(([minute, value]) => {
      const events: AlarmEvent[] = [];
      tracker.observe(hub, minutes(minute), value, events);
      return events.map((event) => ({ ...event, at: minute }));
    });
  }

  it('raises an incident when a forced excursion crosses the threshold and clears it once the value is back below the hysteresis', () => {
    const events = feed(new AlarmTracker(1), [
      [0, 25],
      [5, 28],
      [10, 31.5],
      [15, 33],
      [20, 29.5],
      [25, 28.5],
      [30, 25],
    ]);

    expect(events.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'RAISED', at: 10 },
      { kind: 'CLEARED', at: 25 },
    ]);
    const [raised, cleared] = events;
    expect(raised?.incident).toMatchObject({
      organizationId: 'organization',
      deviceId: 'hub',
      severity: 'WARNING',
      message: 'Temperature above 30 °C (31.5 °C)',
      raisedAt: minutes(10),
      clearedAt: null,
      reactivationCount: 0,
    });
    expect(cleared?.incident).toMatchObject({ id: raised?.incident.id, raisedAt: minutes(10), clearedAt: minutes(25) });
  });

  it('reactivates the incident when the condition recurs within an hour of clearing, and raises a new one after that', () => {
    const events = feed(new AlarmTracker(1), [
      [0, 31],
      [10, 28],
      [40, 31],
      [50, 28],
      [100, 31],
      [110, 28],
      [171, 31],
    ]);

    expect(events.map(({ kind, at, incident }) => ({ kind, at, count: incident.reactivationCount }))).toEqual([
      { kind: 'RAISED', at: 0, count: 0 },
      { kind: 'CLEARED', at: 10, count: 0 },
      { kind: 'REACTIVATED', at: 40, count: 1 },
      { kind: 'CLEARED', at: 50, count: 1 },
      { kind: 'REACTIVATED', at: 100, count: 2 },
      { kind: 'CLEARED', at: 110, count: 2 },
      { kind: 'RAISED', at: 171, count: 0 },
    ]);
    const ids = events.map((event) => event.incident.id);
    expect(new Set(ids.slice(0, 6)).size).toBe(1);
    expect(ids[6]).not.toBe(ids[0]);
    expect(events[4]?.incident).toMatchObject({ raisedAt: minutes(0), clearedAt: null });
  });

  it('resumes from an incident left open by an earlier run, recognised by its message', () => {
    const open = {
      id: 'earlier',
      organizationId: 'organization',
      deviceId: 'hub',
      severity: 'WARNING' as const,
      message: 'Temperature above 30 °C (30.4 °C)',
      raisedAt: minutes(-20),
      clearedAt: null,
      reactivationCount: 2,
    };
    const condition = conditionOfMessage('TEMPERATURE', open.message);
    expect(condition?.key).toBe('HIGH_TEMPERATURE');
    expect(conditionOfMessage('HUMIDITY', open.message)).toBeUndefined();

    const events = feed(new AlarmTracker(1, [{ sensorId: hub.id, conditionKey: condition?.key ?? '', incident: open }]), [
      [0, 30.5],
      [5, 27],
    ]);

    expect(events).toEqual([{ kind: 'CLEARED', at: 5, incident: { ...open, clearedAt: minutes(5) } }]);
  });

  it('raises a sag and a power loss as separate conditions of the input voltage', () => {
    const ups: SimulatedSensor = { id: 'ups-voltage', organizationId: 'organization', deviceId: 'ups', type: 'INPUT_VOLTAGE' };
    const tracker = new AlarmTracker(1);
    const events: AlarmEvent[] = [];
    for (const [minute, value] of [
      [0, 229],
      [5, 199],
      [10, 231],
      [15, 0],
      [20, 230],
    ] as const) {
      tracker.observe(ups, minutes(minute), value, events);
    }

    expect(events.map((event) => `${event.kind} ${event.incident.severity} ${event.incident.message}`)).toEqual([
      'RAISED WARNING Input voltage sag below 207 V (199 V)',
      'CLEARED WARNING Input voltage sag below 207 V (199 V)',
      'RAISED CRITICAL Input power lost, running on battery (0 V)',
      'CLEARED CRITICAL Input power lost, running on battery (0 V)',
    ]);
  });
});
