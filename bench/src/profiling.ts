import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { send } from './capture';
import { summarizeProfiles, type ProfileSummary } from './cpu-profile';
import { profilingLoad, type PlanInputs } from './plan';
import { runComparison, type ProcessAccounting, type RoundSettings } from './rounds';
import { startOurGateway, type StackContext, type SubgraphUrls } from './services';
import type { Tracker } from './stacks';

/**
 * Where our gateway's CPU goes, one operation at a time: a gateway of its own
 * under `node --cpu-prof` (not one of the measured processes), warmed up,
 * loaded for two rounds, stopped (which writes the profile), and the
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
  const summaries = await summarizeProfiles(profileDirectory, prepared.title, performance.now() - loadStarted);
  for (const summary of summaries) options.say(`profile: ${summary.file}`);
  return summaries;
}
