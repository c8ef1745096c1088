import { types } from 'node:util';

const { isNativeError } = types;

/**
 * A small structured logger: one line per event, JSON in production (for log
 * shippers), `level message key=value` otherwise (for people). Writes to stderr
 * so that stdout stays free for command output.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: {
  level: LogLevel;
  format: 'json' | 'text';
  fields?: LogFields;
  write?: (line: string) => void;
}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.fields ?? {};
  const log = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (RANK[level] < RANK[options.level]) return;
    const all = { ...base, ...fields };
    if (options.format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...all }, errorReplacer));
      return;
    }
    const pairs = Object.entries(all).map(([key, value]) => `${key}=${formatValue(value)}`);
    write([level.padEnd(5), message, ...pairs].join(' '));
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** Errors from any realm (jest sandboxes, vm contexts), with their causes: "fetch failed" alone tells an operator little. */
function describeError(error: Error): { name: string; message: string; stack?: string; cause?: unknown } {
  const cause = error.cause;
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(cause === undefined ? {} : { cause: isNativeError(cause) ? describeError(cause) : cause }),
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  return isNativeError(value) ? describeError(value) : value;
}

function formatValue(value: unknown): string {
  if (isNativeError(value)) {
    const causes: string[] = [];
    for (let cause: unknown = value.cause; cause !== undefined && causes.length < 5; cause = isNativeError(cause) ? cause.cause : undefined) {
      causes.push(isNativeError(cause) ? `${cause.name}: ${cause.message}` : String(cause));
    }
    return JSON.stringify([value.stack ?? value.message, ...causes.map((cause) => `caused by ${cause}`)].join('\n'));
  }
  if (typeof value === 'string') return /^[\w.:/@-]*$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}
