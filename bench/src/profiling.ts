import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { send } from './capture';
import { summarizeProfiles, type ProfileSummary } from './cpu-profile';
import { deviceTelemetryProfilingLoad, profilingLoad, type PlanInputs } from './plan';
import { runComparison, type Comparison, type ProcessAccounting, type RoundSettings } from './rounds';
import { startDeviceTelemetryTwin, startOurGateway, type Service, type StackContext, type SubgraphUrls } from './services';
import type { Tracker } from './stacks';

/** What every profiling run needs from the benchmark. */
export interface ProfilingContext {
  context: StackContext;
  planInputs: PlanInputs;
  directory: string;
  settings: RoundSettings;
  accounting: ProcessAccounting;
  tracker: Tracker;
  say(line: string): void;
}

/**
 * Where one process's CPU goes under one load: the process started on its own
 * under `node --cpu-prof` (not one of the measured processes), warmed up,
 * loaded for a sizing round and one kept round, stopped (which writes the
 * profile), and the profile's samples from the load summarized.
 */
async function profileUnderLoad(
  options: ProfilingContext,
  profiling: {
    name: string;
    served: { process: string; operation: string };
    start(profileDirectory: string): Promise<Service>;
    warmUp(service: Service): Promise<void>;
    load(service: Service): Comparison;
  },
): Promise<ProfileSummary[]> {
  const profileDirectory = join(options.directory, `profile-${profiling.name}`);
  await mkdir(profileDirectory, { recursive: true });
  options.say(`profiling ${profiling.served.process} (--cpu-prof) under ${profiling.served.operation}`);
  const profiled = options.tracker.track(await profiling.start(profileDirectory));
  await profiling.warmUp(profiled);
  const loadStarted = performance.now();
  await runComparison(
    profiling.load(profiled),
    { ...options.settings, rounds: 1, retryBudget: { remaining: 0 } },
    { ...options.accounting, servicePids: () => [...options.accounting.servicePids(), profiled.pid] },
    options.say,
  );
  await options.tracker.stop(profiled);
  const summaries = await summarizeProfiles(profileDirectory, profiling.served, performance.now() - loadStarted);
  for (const summary of summaries) options.say(`profile: ${summary.file}`);
  return summaries;
}

/** Our gateway under one operation's load, against the load stack's subgraphs. */
export function profileOurGateway(
  options: ProfilingContext & { operation: 'dashboard' | 'organizations'; port: number; subgraphUrls: SubgraphUrls },
): Promise<ProfileSummary[]> {
  const prepared = options.planInputs.operations[options.operation];
  return profileUnderLoad(options, {
    name: options.operation,
    served: { process: 'our gateway', operation: prepared.title },
    start: (profileDirectory) =>
      startOurGateway(options.context, { name: `profiled-${options.operation}`, port: options.port, subgraphUrls: options.subgraphUrls, profileDirectory }),
    async warmUp(service) {
      for (let attempt = 0; attempt < 2; attempt += 1) await (await send(service.url, prepared.body, options.planInputs.partnerAdmin)).text();
    },
    load: (service) => profilingLoad(service, options.planInputs, options.operation),
  });
}

/** device-telemetry under the dashboard's device-telemetry request (its sizing round warms it up). */
export function profileDeviceTelemetry(options: ProfilingContext & { port: number; identityUrl: string }): Promise<ProfileSummary[]> {
  return profileUnderLoad(options, {
    name: 'device-telemetry',
    served: { process: 'device-telemetry', operation: 'the dashboard’s device-telemetry request' },
    start: (profileDirectory) =>
      startDeviceTelemetryTwin(options.context, {
        name: 'profiled-device-telemetry',
        port: options.port,
        identityUrl: options.identityUrl,
        shield: true,
        profileDirectory,
      }),
    warmUp: () => Promise.resolve(),
    load: (service) => deviceTelemetryProfilingLoad(options.planInputs, service.url),
  });
}
