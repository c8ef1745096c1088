import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { send } from './capture';
import { summarizeProfiles, type ProfileSummary } from './cpu-profile';
import { deviceTelemetryProfilingLoad, profilingLoad, type PlanInputs } from './plan';
import { runComparison, type ProcessAccounting, type RoundSettings } from './rounds';
import { startDeviceTelemetryTwin, startOurGateway, type StackContext, type SubgraphUrls } from './services';
import type { Tracker } from './stacks';

/**
 * Where our gateway's CPU goes, one operation at a time: a gateway of its own
 * under `node --cpu-prof` (not one of the measured processes), warmed up,
 * loaded for a sizing round and one kept round, stopped (which writes the profile), and the
 * profile's samples from the load summarized.
 */
export async function profileOurGateway(options: {
  context: StackContext;
  planInputs: PlanInputs;
  operation: 'dashboard' | 'organizations';
  port: number;
  subgraphUrls: SubgraphUrls;
  directory: string;
  settings: RoundSettings;
  accounting: ProcessAccounting;
  tracker: Tracker;
  say(line: string): void;
}): Promise<ProfileSummary[]> {
  const profileDirectory = join(options.directory, `profile-${options.operation}`);
  await mkdir(profileDirectory, { recursive: true });
  const prepared = options.planInputs.operations[options.operation];
  options.say(`profiling our gateway (--cpu-prof) under the ${prepared.title} load`);
  const profiled = options.tracker.track(
    await startOurGateway(options.context, { name: `profiled-${options.operation}`, port: options.port, subgraphUrls: options.subgraphUrls, profileDirectory }),
  );
  for (let attempt = 0; attempt < 2; attempt += 1) await (await send(profiled.url, prepared.body, options.planInputs.partnerAdmin)).text();
  const loadStarted = performance.now();
  await runComparison(
    profilingLoad(profiled, options.planInputs, options.operation),
    // A sizing round, then one sized from it.
    { ...options.settings, rounds: 1, retryBudget: { remaining: 0 } },
    { ...options.accounting, servicePids: () => [...options.accounting.servicePids(), profiled.pid] },
    options.say,
  );
  await options.tracker.stop(profiled);
  const summaries = await summarizeProfiles(profileDirectory, { process: 'our gateway', operation: prepared.title }, performance.now() - loadStarted);
  for (const summary of summaries) options.say(`profile: ${summary.file}`);
  return summaries;
}

/**
 * Where device-telemetry's CPU goes on the dashboard's device-telemetry
 * request: a device-telemetry of its own under `node --cpu-prof` (not one of
 * the measured processes), loaded as profileOurGateway loads our gateway.
 */
export async function profileDeviceTelemetry(options: {
  context: StackContext;
  planInputs: PlanInputs;
  port: number;
  identityUrl: string;
  directory: string;
  settings: RoundSettings;
  accounting: ProcessAccounting;
  tracker: Tracker;
  say(line: string): void;
}): Promise<ProfileSummary[]> {
  const profileDirectory = join(options.directory, 'profile-device-telemetry');
  await mkdir(profileDirectory, { recursive: true });
  options.say('profiling device-telemetry (--cpu-prof) under the dashboard’s device-telemetry request');
  const profiled = options.tracker.track(
    await startDeviceTelemetryTwin(options.context, {
      name: 'profiled-device-telemetry',
      port: options.port,
      identityUrl: options.identityUrl,
      shield: true,
      profileDirectory,
    }),
  );
  const load = deviceTelemetryProfilingLoad(options.planInputs, profiled.url);
  const loadStarted = performance.now();
  await runComparison(
    load,
    { ...options.settings, rounds: 1, retryBudget: { remaining: 0 } },
    { ...options.accounting, servicePids: () => [...options.accounting.servicePids(), profiled.pid] },
    options.say,
  );
  await options.tracker.stop(profiled);
  const summaries = await summarizeProfiles(
    profileDirectory,
    { process: 'device-telemetry', operation: 'the dashboard’s device-telemetry request' },
    performance.now() - loadStarted,
  );
  for (const summary of summaries) options.say(`profile: ${summary.file}`);
  return summaries;
}
