import { variableGenerator } from './variables';

describe('variables that differ per operation', () => {
  it('gives every redemption a key of its own, the customers in turn, and nothing once the keys run out', () => {
    const generate = variableGenerator({ kind: 'license-keys', keys: ['K1', 'K2', 'K3'], customerIds: ['a', 'b'], startDate: '2027-01-02' });
    expect([0, 1, 2].map(generate)).toEqual([
      { key: 'K1', customerId: 'a', startDate: '2027-01-02' },
      { key: 'K2', customerId: 'b', startDate: '2027-01-02' },
      { key: 'K3', customerId: 'a', startDate: '2027-01-02' },
    ]);
    expect(generate(3)).toBeNull();
  });

  it('never repeats a sensor and instant across ingest batches, and keeps batches in flight on different sensors', () => {
    const sensorIds = Array.from({ length: 30 }, (_, index) => `sensor-${index}`);
    const generate = variableGenerator({
      kind: 'readings',
      sensorIds,
      sensorsPerOperation: 3,
      readingsPerSensor: 4,
      firstInstantMs: Date.UTC(2015, 0, 1),
      spacingMs: 60_000,
    });
    const batches = Array.from({ length: 50 }, (_, index) => (generate(index) as { readings: { sensorId: string; at: string }[] }).readings);
    for (const batch of batches) expect(batch).toHaveLength(12);
    const keys = batches.flat().map((reading) => `${reading.sensorId}@${reading.at}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Ten consecutive batches (ten connections at once) touch ten different blocks of sensors.
    const sensorsOf = (index: number) => new Set(batches[index]?.map((reading) => reading.sensorId));
    for (let first = 0; first < 10; first += 1) {
      for (let second = first + 1; second < 10; second += 1) {
        expect([...sensorsOf(first)].filter((sensor) => sensorsOf(second).has(sensor))).toEqual([]);
      }
    }
  });
});
