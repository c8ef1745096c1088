import { CreateDeviceAndSensor1764300200000 } from './1764300200000-create-device-and-sensor';
import { CreateTelemetryModel1764301300000 } from './1764301300000-create-telemetry-model';
import { ChangeLogVisibility1764301600000 } from './1764301600000-change-log-visibility';
import { IncidentEvents1764302000000 } from './1764302000000-incident-events';
import { AlarmsAndThresholds1764302100000 } from './1764302100000-alarms-and-thresholds';
import { SensorLatestReading1764302200000 } from './1764302200000-sensor-latest-reading';
import { IncidentThresholdSensor1764302300000 } from './1764302300000-incident-threshold-sensor';
import { BackfillIncidentThresholdSensor1764302300001 } from './1764302300001-backfill-incident-threshold-sensor';
import { PartitionReadingsByWeek1764302400000 } from './1764302400000-partition-readings-by-week';

/** In the order they apply. */
export const migrations = [
  CreateDeviceAndSensor1764300200000,
  CreateTelemetryModel1764301300000,
  ChangeLogVisibility1764301600000,
  IncidentEvents1764302000000,
  AlarmsAndThresholds1764302100000,
  SensorLatestReading1764302200000,
  IncidentThresholdSensor1764302300000,
  BackfillIncidentThresholdSensor1764302300001,
  PartitionReadingsByWeek1764302400000,
];
