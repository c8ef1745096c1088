import { CreateDeviceAndSensor1764300200000 } from './1764300200000-create-device-and-sensor';

/** In the order they apply. */
export const migrations = [CreateDeviceAndSensor1764300200000];
