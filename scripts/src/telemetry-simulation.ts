import { createHash } from 'node:crypto';
import type { IncidentSeverity, SensorType } from '@partnergraph/device-telemetry/demo-seed';

/**
 * Realistic telemetry, computed rather than stored: every value is a function
 * of the seed, the sensor and the instant, so a run is deterministic for a
 * seed and can stop and resume anywhere. Each organization's server room has
 * a daily temperature cycle, business-hours load, and now and then a mains
 * outage, a voltage sag (sometimes two in a row) or a cooling fault; the
 * alarm tracker turns threshold crossings into incidents that raise, clear
 * and reactivate. Times of day are UTC.
 */

export interface SimulatedSensor {
  id: string;
  organizationId: string;
  deviceId: string;
  type: SensorType;
}

export interface SimulatedReading {
  sensorId: string;
  at: Date;
  value: number;
}

/** An incident as the simulation leaves it, ready to be written (inserted, or its clearing and reactivations updated). */
export interface SimulatedIncident {
  id: string;
  organizationId: string;
  deviceId: string;
  severity: IncidentSeverity;
  message: string;
  raisedAt: Date;
  clearedAt: Date | null;
  reactivationCount: number;
}

export type AlarmEventKind = 'RAISED' | 'CLEARED' | 'REACTIVATED';

export interface AlarmEvent {
  kind: AlarmEventKind;
  incident: SimulatedIncident;
}

/** A threshold on one sensor type, with hysteresis: it raises past one value and clears back past another. */
export interface AlarmCondition {
  key: string;
  sensorType: SensorType;
  severity: IncidentSeverity;
  /** The start of every message of its incidents, which is how a resumed run recognises them. */
  title: string;
  unit: string;
  raises(value: number): boolean;
  clears(value: number): boolean;
}

export const ALARM_CONDITIONS: readonly AlarmCondition[] = [
  {
    key: 'HIGH_TEMPERATURE',
    sensorType: 'TEMPERATURE',
    severity: 'WARNING',
    title: 'Temperature above 30 °C',
    unit: '°C',
    raises: (value) => value > 30,
    clears: (value) => value < 29,
  },
  {
    key: 'LOW_BATTERY_RUNTIME',
    sensorType: 'BATTERY_RUNTIME',
    severity: 'CRITICAL',
    title: 'Battery runtime below 10 minutes',
    unit: 'min',
    raises: (value) => value < 10,
    clears: (value) => value >= 12,
  },
  {
    key: 'INPUT_VOLTAGE_SAG',
    sensorType: 'INPUT_VOLTAGE',
    severity: 'WARNING',
    title: 'Input voltage sag below 207 V',
    unit: 'V',
    raises: (value) => value >= 100 && value < 207,
    clears: (value) => value >= 210,
  },
  {
    key: 'INPUT_POWER_LOST',
    sensorType: 'INPUT_VOLTAGE',
    severity: 'CRITICAL',
    title: 'Input power lost, running on battery',
    unit: 'V',
    raises: (value) => value < 100,
    clears: (value) => value >= 180,
  },
];

/** The same condition recurring this soon after clearing reactivates the incident instead of raising a new one. */
export const REACTIVATION_WINDOW_MS = 60 * 60_000;

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 1440;

// Hashing: a 32-bit finaliser (murmur3's) over integers; fast enough for hundreds of millions of readings.
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hash(a: number, b: number, c: number, d: number): number {
  return mix(mix(mix(mix(a) ^ b) ^ c) ^ d);
}

/** A uniform number in [0, 1) for the given integers. */
function uniform(a: number, b: number, c: number, d: number): number {
  return hash(a, b, c, d) / 4_294_967_296;
}

/** A standard normal number for the given integers (Box-Muller). */
function gaussian(a: number, b: number, c: number): number {
  const u = 1 - uniform(a, b, c, 0x5eed1);
  const v = uniform(a, b, c, 0x5eed2);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** FNV-1a of a string: how ids enter the integer hashes. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Salts keep the different random draws of one entity apart.
const SALT = {
  profile: 1,
  outage: 2,
  sag: 3,
  sagRepeat: 4,
  coolingFault: 5,
  noise: 6,
} as const;

/** What stays the same for a device: where its values sit. */
interface DeviceProfile {
  organizationHash: number;
  temperatureBase: number;
  loadBase: number;
  loadSwing: number;
  ratedKilowatts: number;
  runtimeAtThirtyPercent: number;
}

function deviceProfile(seed: number, organizationId: string, deviceId: string): DeviceProfile {
  const deviceHash = hashText(deviceId);
  const draw = (index: number): number => uniform(seed, deviceHash, SALT.profile, index);
  return {
    organizationHash: hashText(organizationId),
    temperatureBase: 23.8 + (draw(1) - 0.5) * 1.4,
    loadBase: 22 + draw(2) * 14,
    loadSwing: 18 + draw(3) * 16,
    ratedKilowatts: 3 + draw(4) * 3,
    runtimeAtThirtyPercent: 45 + draw(5) * 25,
  };
}

interface Span {
  start: number;
  end: number;
}

/** A mains outage at the organization's site: at most one a day, on about one day in twelve, 4 to 40 minutes. */
function outageOn(seed: number, organizationHash: number, day: number): Span | null {
  if (uniform(seed, organizationHash, SALT.outage, day * 4) >= 0.08) return null;
  const start = day * MINUTES_PER_DAY + Math.floor(uniform(seed, organizationHash, SALT.outage, day * 4 + 1) * MINUTES_PER_DAY);
  return { start, end: start + 4 + Math.floor(uniform(seed, organizationHash, SALT.outage, day * 4 + 2) * 37) };
}

/**
 * Voltage sags: in about one six-hour window in twenty, 2 to 8 minutes down
 * to 195–205 V, and half the time a second one 15 to 40 minutes later.
 */
function sagsIn(seed: number, organizationHash: number, window: number): { spans: Span[]; depth: number } | null {
  if (uniform(seed, organizationHash, SALT.sag, window * 5) >= 0.05) return null;
  const start = window * 360 + Math.floor(uniform(seed, organizationHash, SALT.sag, window * 5 + 1) * 300);
  const first = { start, end: start + 2 + Math.floor(uniform(seed, organizationHash, SALT.sag, window * 5 + 2) * 7) };
  const depth = 195 + uniform(seed, organizationHash, SALT.sag, window * 5 + 3) * 10;
  if (uniform(seed, organizationHash, SALT.sagRepeat, window) >= 0.5) return { spans: [first], depth };
  const again = first.end + 15 + Math.floor(uniform(seed, organizationHash, SALT.sagRepeat, window + 1) * 26);
  return { spans: [first, { start: again, end: again + 2 + Math.floor(uniform(seed, organizationHash, SALT.sagRepeat, window + 2) * 5) }], depth };
}

/** A cooling fault: on about one day in twelve the room warms by 5.5–9 °C for 40 to 120 minutes. */
function coolingFaultOn(seed: number, organizationHash: number, day: number): (Span & { peak: number }) | null {
  if (uniform(seed, organizationHash, SALT.coolingFault, day * 4) >= 0.08) return null;
  const start = day * MINUTES_PER_DAY + Math.floor(uniform(seed, organizationHash, SALT.coolingFault, day * 4 + 1) * MINUTES_PER_DAY);
  const end = start + 40 + Math.floor(uniform(seed, organizationHash, SALT.coolingFault, day * 4 + 2) * 81);
  return { start, end, peak: 5.5 + uniform(seed, organizationHash, SALT.coolingFault, day * 4 + 3) * 3.5 };
}

/** The device's true state at a minute, before each sensor adds its own noise. */
interface DeviceState {
  temperature: number;
  humidity: number;
  load: number;
  runtime: number;
  inputVoltage: number;
  outputKilowatts: number;
}

/** 0 at night, 1 in office hours (10:00–17:00), smooth ramps between; a third of that at weekends. */
function businessHours(minute: number): number {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const hour = (minute - day * MINUTES_PER_DAY) / 60;
  const ramp = (from: number, to: number, at: number): number => {
    const x = Math.min(1, Math.max(0, (at - from) / (to - from)));
    return x * x * (3 - 2 * x);
  };
  const shape = ramp(7, 10, hour) * (1 - ramp(17, 20, hour));
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  return weekday === 0 || weekday === 6 ? shape / 3 : shape;
}

function loadAt(profile: DeviceProfile, minute: number): number {
  return profile.loadBase + profile.loadSwing * businessHours(minute);
}

function runtimeFor(profile: DeviceProfile, load: number): number {
  return profile.runtimeAtThirtyPercent * Math.pow(30 / Math.max(load, 5), 1.1);
}

function deviceState(seed: number, profile: DeviceProfile, minute: number): DeviceState {
  const day = Math.floor(minute / MINUTES_PER_DAY);
  const hour = (minute - day * MINUTES_PER_DAY) / 60;
  // Warmest at 15:00, coolest at 03:00.
  const cycle = Math.sin((2 * Math.PI * (hour - 9)) / 24);
  let temperature = profile.temperatureBase + 2.3 * cycle;
  for (const fault of [coolingFaultOn(seed, profile.organizationHash, day - 1), coolingFaultOn(seed, profile.organizationHash, day)]) {
    if (!fault || minute < fault.start || minute >= fault.end) continue;
    const third = (fault.end - fault.start) / 3;
    temperature += fault.peak * Math.min(1, (minute - fault.start) / third, (fault.end - minute) / third);
  }
  const load = loadAt(profile, minute);
  let runtime = runtimeFor(profile, load);
  let inputVoltage = 230;
  for (const outage of [outageOn(seed, profile.organizationHash, day - 1), outageOn(seed, profile.organizationHash, day)]) {
    if (!outage || minute < outage.start) continue;
    // On battery the estimate falls a little faster than the clock; afterwards the battery recharges over a few hours.
    const drained = 1.1 * (Math.min(minute, outage.end) - outage.start);
    const before = runtimeFor(profile, loadAt(profile, outage.start));
    if (minute < outage.end) {
      runtime = Math.max(0, before - drained);
      inputVoltage = 0;
    } else {
      runtime -= Math.min(drained, before) * Math.exp(-(minute - outage.end) / 90);
    }
  }
  if (inputVoltage > 0) {
    const window = Math.floor(minute / 360);
    for (const sags of [sagsIn(seed, profile.organizationHash, window - 1), sagsIn(seed, profile.organizationHash, window)]) {
      if (sags?.spans.some((span) => minute >= span.start && minute < span.end)) inputVoltage = sags.depth;
    }
  }
  return {
    temperature,
    humidity: 45 - 5 * cycle,
    load,
    runtime,
    inputVoltage,
    outputKilowatts: (profile.ratedKilowatts * load) / 100,
  };
}

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};
const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

function sensorValue(type: SensorType, state: DeviceState, noise: number): number {
  switch (type) {
    case 'TEMPERATURE':
      return round(state.temperature + 0.2 * noise, 1);
    case 'HUMIDITY':
      return round(clamp(state.humidity + 0.8 * noise, 35, 55), 1);
    case 'LOAD':
      return round(clamp(state.load + 1.5 * noise, 0, 100), 1);
    case 'BATTERY_RUNTIME':
      return round(Math.max(0, state.runtime + 0.3 * noise), 1);
    case 'INPUT_VOLTAGE':
      return state.inputVoltage === 0 ? 0 : round(state.inputVoltage + 1.2 * noise, 1);
    case 'OUTPUT_POWER':
      return round(Math.max(0, state.outputKilowatts + 0.03 * noise), 2);
  }
}

function incidentId(seed: number, sensorId: string, conditionKey: string, raisedAt: Date): string {
  const hex = createHash('sha1').update(`partnergraph-simulation:${seed}:${sensorId}:${conditionKey}:${raisedAt.toISOString()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An incident the tracker starts from: one still open, or one cleared recently enough to be reactivated. */
export interface TrackedIncident {
  sensorId: string;
  conditionKey: string;
  incident: SimulatedIncident;
}

/**
 * Follows each sensor's values through the alarm conditions of its type and
 * says when an incident is raised, cleared or reactivated. Values of one
 * sensor must come in time order.
 */
export class AlarmTracker {
  private readonly incidents = new Map<string, SimulatedIncident>();

  constructor(
    private readonly seed: number,
    initial: readonly TrackedIncident[] = [],
  ) {
    for (const tracked of initial) this.incidents.set(`${tracked.sensorId}:${tracked.conditionKey}`, { ...tracked.incident });
  }

  observe(sensor: SimulatedSensor, at: Date, value: number, events: AlarmEvent[]): void {
    for (const condition of ALARM_CONDITIONS) {
      if (condition.sensorType !== sensor.type) continue;
      const key = `${sensor.id}:${condition.key}`;
      const incident = this.incidents.get(key);
      if (incident && incident.clearedAt === null) {
        if (condition.clears(value)) {
          incident.clearedAt = at;
          events.push({ kind: 'CLEARED', incident: { ...incident } });
        }
        continue;
      }
      if (!condition.raises(value)) continue;
      if (incident?.clearedAt && at.getTime() - incident.clearedAt.getTime() <= REACTIVATION_WINDOW_MS) {
        incident.clearedAt = null;
        incident.reactivationCount += 1;
        events.push({ kind: 'REACTIVATED', incident: { ...incident } });
        continue;
      }
      const raised: SimulatedIncident = {
        id: incidentId(this.seed, sensor.id, condition.key, at),
        organizationId: sensor.organizationId,
        deviceId: sensor.deviceId,
        severity: condition.severity,
        message: `${condition.title} (${value} ${condition.unit})`,
        raisedAt: at,
        clearedAt: null,
        reactivationCount: 0,
      };
      this.incidents.set(key, raised);
      events.push({ kind: 'RAISED', incident: { ...raised } });
    }
  }
}

/** The condition an incident's message names, for resuming: messages start with the condition's title. */
export function conditionOfMessage(sensorType: SensorType, message: string): AlarmCondition | undefined {
  return ALARM_CONDITIONS.find((condition) => condition.sensorType === sensorType && message.startsWith(condition.title));
}

export interface SimulationOptions {
  sensors: readonly SimulatedSensor[];
  /** Readings at every multiple of the interval (since the epoch) from `from` to `to`, both included. */
  from: Date;
  to: Date;
  intervalMinutes: number;
  seed: number;
  /** Readings per batch. */
  batchSize: number;
  tracked?: readonly TrackedIncident[];
}

export interface SimulationBatch {
  readings: SimulatedReading[];
  /** Each incident raised, cleared or reactivated in this batch, as it stands at the batch's end. */
  incidents: SimulatedIncident[];
  raised: number;
  cleared: number;
  reactivated: number;
}

/** The instants readings are taken at: multiples of the interval from `from` to `to`. */
export function readingTimes(from: Date, to: Date, intervalMinutes: number): { first: number; count: number } {
  const step = intervalMinutes * MINUTE_MS;
  const first = Math.ceil(from.getTime() / step) * step;
  return { first, count: first > to.getTime() ? 0 : Math.floor((to.getTime() - first) / step) + 1 };
}

/** Readings for every sensor at every instant, a day at a time, in batches of at most `batchSize`. */
export function* simulateTelemetry(options: SimulationOptions): Generator<SimulationBatch> {
  const { seed, intervalMinutes, batchSize } = options;
  const devices = new Map<string, { profile: DeviceProfile; sensors: { sensor: SimulatedSensor; hash: number }[] }>();
  for (const sensor of options.sensors) {
    let device = devices.get(sensor.deviceId);
    if (!device) {
      device = { profile: deviceProfile(seed, sensor.organizationId, sensor.deviceId), sensors: [] };
      devices.set(sensor.deviceId, device);
    }
    device.sensors.push({ sensor, hash: hashText(sensor.id) });
  }
  const tracker = new AlarmTracker(seed, options.tracked);
  const { first, count } = readingTimes(options.from, options.to, intervalMinutes);
  let batch = emptyBatch();
  let events: AlarmEvent[] = [];
  const close = (): SimulationBatch => {
    const incidents = new Map<string, SimulatedIncident>();
    for (const event of events) {
      incidents.set(event.incident.id, event.incident);
      if (event.kind === 'RAISED') batch.raised += 1;
      else if (event.kind === 'CLEARED') batch.cleared += 1;
      else batch.reactivated += 1;
    }
    const closed = { ...batch, incidents: [...incidents.values()] };
    batch = emptyBatch();
    events = [];
    return closed;
  };
  // A day at a time, device by device: a batch then holds few sensors over many instants, which keeps the
  // rollup rows it touches and the index pages it writes few. Each sensor's values still come in time order.
  const stepsPerChunk = Math.ceil(MINUTES_PER_DAY / intervalMinutes);
  const times = Array.from({ length: Math.min(count, stepsPerChunk) }, () => ({ at: new Date(0), minute: 0 }));
  for (let chunkStart = 0; chunkStart < count; chunkStart += stepsPerChunk) {
    const steps = Math.min(stepsPerChunk, count - chunkStart);
    for (let step = 0; step < steps; step += 1) {
      const time = first + (chunkStart + step) * intervalMinutes * MINUTE_MS;
      times[step] = { at: new Date(time), minute: Math.floor(time / MINUTE_MS) };
    }
    for (const device of devices.values()) {
      for (let step = 0; step < steps; step += 1) {
        const { at, minute } = times[step] as { at: Date; minute: number };
        const state = deviceState(seed, device.profile, minute);
        for (const { sensor, hash: sensorHash } of device.sensors) {
          const value = sensorValue(sensor.type, state, gaussian(seed ^ SALT.noise, sensorHash, minute));
          batch.readings.push({ sensorId: sensor.id, at, value });
          tracker.observe(sensor, at, value, events);
          if (batch.readings.length >= batchSize) yield close();
        }
      }
    }
  }
  if (batch.readings.length > 0 || events.length > 0) yield close();
}

function emptyBatch(): SimulationBatch {
  return { readings: [], incidents: [], raised: 0, cleared: 0, reactivated: 0 };
}
