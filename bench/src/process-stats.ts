import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * What Linux says about processes and the machine, from /proc: CPU time in
 * clock ticks, peak resident memory, and the machine's busy and idle time.
 */
export const CLOCK_TICKS_PER_SECOND = readClockTicks();

function readClockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards), or undefined once the process is gone. */
function statFields(pid: number): string[] | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  // The command name is in parentheses and may itself hold spaces and parentheses.
  return text.slice(text.lastIndexOf(')') + 2).trim().split(' ');
}

/** User plus system CPU time of the process (all its threads), in clock ticks; 0 once it is gone. */
export function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 counted from field 3.
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}

export function parentPid(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : undefined;
}

/** Peak resident set size (VmHWM) in bytes, or undefined once the process is gone. */
export function peakRssBytes(pid: number): number | undefined {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readText(`/proc/${pid}/status`) ?? '');
  return match?.[1] ? Number(match[1]) * 1024 : undefined;
}

export function commandLine(pid: number): string {
  return (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
}

const allPids = (): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);

export function childPids(parent: number): number[] {
  return allPids().filter((pid) => parentPid(pid) === parent);
}

/** CPU ticks of every process on the machine, to name what else kept it busy. */
export function everyProcessTicks(): Map<number, number> {
  return new Map(allPids().map((pid) => [pid, cpuTicks(pid)]));
}

export interface MachineTime {
  /** Ticks every core spent on anything but idling and waiting for I/O. */
  busy: number;
  /** All ticks of every core. */
  total: number;
}

export function machineTime(): MachineTime {
  const line = (readText('/proc/stat') ?? '').split('\n').find((candidate) => candidate.startsWith('cpu '));
  if (!line) return { busy: 0, total: 0 };
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already part of user time.
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
  const busy = (user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0);
  return { busy, total: busy + (idle ?? 0) + (iowait ?? 0) };
}

export const ticksToMs = (ticks: number): number => (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
