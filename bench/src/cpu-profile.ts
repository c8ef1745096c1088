import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where a process's CPU went, from the V8 profile `node --cpu-prof` writes
 * when it exits: self time by package (node_modules/<name>, our own
 * packages, Node's internals, the garbage collector) and by function.
 */
export interface ProfileShare {
  name: string;
  /** Share of the non-idle samples, 0 to 1. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Which process was profiled ("our gateway", "device-telemetry"). */
  process: string;
  /** What the process served while it was profiled. */
  operation: string;
  sampledMs: number;
  byPackage: ProfileShare[];
  byFunction: ProfileShare[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const ours = /\/(gateway|packages\/[^/]+|subgraphs\/[^/]+)\/dist\//.exec(url);
  return ours?.[1] ? `partnergraph ${ours[1]}` : url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  return modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url.replace(/^file:\/\/.*?\/(gateway|packages|subgraphs)\//, '$1/');
}

/** Only the samples of the profile's last `lastMs` are summarized: the load, not the process's start-up. */
export async function summarizeProfiles(
  directory: string,
  served: { process: string; operation: string },
  lastMs: number,
  top = 15,
): Promise<ProfileSummary[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.cpuprofile'));
  return Promise.all(
    files.map(async (name) => {
      const profile = JSON.parse(await readFile(join(directory, name), 'utf8')) as CpuProfile;
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      const byPackage = new Map<string, number>();
      const byFunction = new Map<string, number>();
      let sampled = 0;
      const total = profile.timeDeltas.reduce((sum, delta) => sum + delta, 0);
      const from = total - lastMs * 1000;
      let elapsed = 0;
      profile.samples.forEach((id, index) => {
        const node = nodes.get(id);
        const micros = profile.timeDeltas[index] ?? 0;
        elapsed += micros;
        if (elapsed < from || !node || node.callFrame.functionName === '(idle)') return;
        sampled += micros;
        const { functionName, url, lineNumber } = node.callFrame;
        const pkg = packageOf(url, functionName);
        byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
        const label = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
        byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
      });
      const ranked = (totals: Map<string, number>): ProfileShare[] =>
        [...totals]
          .sort((a, b) => b[1] - a[1])
          .slice(0, top)
          .map(([label, micros]) => ({ name: label, share: sampled > 0 ? micros / sampled : 0 }));
      return { file: join(directory, name), ...served, sampledMs: sampled / 1000, byPackage: ranked(byPackage), byFunction: ranked(byFunction) };
    }),
  );
}
