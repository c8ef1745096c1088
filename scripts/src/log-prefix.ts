import type { Writable } from 'node:stream';

const COLOURS = [36, 35, 33, 32, 34, 31];
const WIDTH = 16;

/** Returns, per source name, a function that writes lines prefixed with that name (coloured on a terminal). */
export function prefixer(out: Writable & { isTTY?: boolean }): (name: string) => (line: string) => void {
  const colours = new Map<string, number>();
  return (name) => {
    const colour = COLOURS[colours.size % COLOURS.length] ?? 0;
    colours.set(name, colour);
    const label = `${name.padEnd(WIDTH)}|`;
    const prefix = out.isTTY ? `\u001b[${colour}m${label}\u001b[0m` : label;
    return (line) => {
      out.write(`${prefix} ${line}\n`);
    };
  };
}
