import type { VariableSource } from './load-job';

/** The variables of the `index`th operation of a round, or null when the source has run out. */
export type VariableGenerator = (index: number) => Record<string, unknown> | null;

export function variableGenerator(source: VariableSource): VariableGenerator {
  switch (source.kind) {
    case 'none':
      return () => ({});
    case 'license-keys':
      return (index) => {
        const key = source.keys[index];
        if (key === undefined) return null;
        return { key, customerId: source.customerIds[index % source.customerIds.length], startDate: source.startDate };
      };
    case 'readings': {
      const blocks = Math.max(1, Math.floor(source.sensorIds.length / source.sensorsPerOperation));
      return (index) => {
        const first = (index % blocks) * source.sensorsPerOperation;
        const sensors = source.sensorIds.slice(first, first + source.sensorsPerOperation);
        // Every operation has instants of its own, so no reading is a duplicate of another.
        const start = source.firstInstantMs + index * source.readingsPerSensor * source.spacingMs;
        const readings: { sensorId: string; at: string; value: number }[] = [];
        for (let reading = 0; reading < source.readingsPerSensor; reading += 1) {
          const at = new Date(start + reading * source.spacingMs).toISOString();
          for (const [position, sensorId] of sensors.entries()) {
            readings.push({ sensorId, at, value: 20 + ((index + reading + position) % 100) / 10 });
          }
        }
        return { readings };
      };
    }
  }
}
