import { types } from 'node:util';

const { isNativeError } = types;

/**
 * A small structured logger: one line per event, JSON in production (for log
 * shippers), `level message key=value` otherwise (for people). Writes to stderr
 * so that stdout stays free for command output. An error is logged as its
 * name, message, code and causes; its stack only at the debug level (an outage
 * fails many requests in a row, and a stack each buries the one line that
 * matters).
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
  const withStacks = options.level === 'debug';
  const log = (level: LogLevel, message: string, fields: LogFields = {}): void => {
    if (RANK[level] < RANK[options.level]) return;
    const all = { ...base, ...fields };
    if (options.format === 'json') {
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...all }, (_key, value: unknown) => errorReplacer(value, withStacks)));
      return;
    }
    // As JSON.stringify does: a field whose value is undefined is left out.
    const pairs = Object.entries(all).flatMap(([key, value]) => (value === undefined ? [] : [`${key}=${formatValue(value, withStacks)}`]));
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

function codeOf(error: Error): string | undefined {
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? String(code) : undefined;
}

/** Errors from any realm (jest sandboxes, vm contexts), with their causes: "fetch failed" alone tells an operator little. */
function describeError(error: Error, withStack: boolean): { name: string; message: string; code?: string; stack?: string; cause?: unknown } {
  const cause = error.cause;
  const code = codeOf(error);
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(withStack && error.stack ? { stack: error.stack } : {}),
    ...(cause === undefined ? {} : { cause: isNativeError(cause) ? describeError(cause, withStack) : cause }),
  };
}

function errorReplacer(value: unknown, withStack: boolean): unknown {
  return isNativeError(value) ? describeError(value, withStack) : value;
}

/** `Name: message [code]`, one line. */
function headline(error: Error): string {
  const code = codeOf(error);
  return `${error.name}: ${error.message}${code === undefined ? '' : ` [${code}]`}`;
}

function formatValue(value: unknown, withStack: boolean): string {
  if (isNativeError(value)) {
    const causes: string[] = [];
    for (let cause: unknown = value.cause; cause !== undefined && causes.length < 5; cause = isNativeError(cause) ? cause.cause : undefined) {
      causes.push(isNativeError(cause) ? headline(cause) : String(cause));
    }
    const first = withStack ? (value.stack ?? headline(value)) : headline(value);
    return JSON.stringify([first, ...causes.map((cause) => `caused by ${cause}`)].join(withStack ? '\n' : ' '));
  }
  if (typeof value === 'string') return /^[\w.:/@-]*$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}
