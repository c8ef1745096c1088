import { parseSecretKeys, type SecretKey } from './secret-box';

/**
 * Configuration is read once per process, from environment variables, into a
 * typed object. Every problem is collected and reported together, each naming
 * the variable and what it expects, so a bad deployment fails at start-up with
 * one readable message.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export interface Setting<T> {
  /** What the variable expects, in words; used in error messages and docs. */
  readonly expects: string;
  /** How to show a rejected value that may hold a secret; undefined hides it entirely. */
  readonly redact?: (raw: string) => string | undefined;
  parse(raw: string | undefined): T;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

class InvalidValue extends Error {}

type Settings = Record<string, { variable: string; setting: Setting<unknown> }>;
type Parsed<S extends Settings> = { readonly [K in keyof S]: S[K]['setting'] extends Setting<infer T> ? T : never };

export function readConfig<S extends Settings>(settings: S, environment: Environment): Parsed<S> {
  const problems: string[] = [];
  const result: Record<string, unknown> = {};
  for (const [key, { variable, setting }] of Object.entries(settings)) {
    const raw = environment[variable];
    try {
      result[key] = setting.parse(raw === '' ? undefined : raw);
    } catch (error) {
      if (!(error instanceof InvalidValue)) throw error;
      const visible = raw === undefined || raw === '' ? undefined : setting.redact ? setting.redact(raw) : raw;
      const shown =
        raw === undefined || raw === '' ? 'it is not set' : visible === undefined ? 'got a value not shown here' : `got ${JSON.stringify(visible)}`;
      problems.push(`${variable}: expected ${setting.expects}, ${shown}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(result) as Parsed<S>;
}

function setting<T>(expects: string, parse: (raw: string) => T, fallback: T | undefined): Setting<T> {
  return {
    expects,
    parse(raw) {
      if (raw === undefined) {
        if (fallback === undefined) throw new InvalidValue();
        return fallback;
      }
      return parse(raw.trim());
    },
  };
}

function withoutPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw.replace(/:[^:@/]*@/, ':***@');
  }
}

function invalid(): never {
  throw new InvalidValue();
}

export const settings = {
  string: (options: { default?: string } = {}): Setting<string> =>
    setting('a non-empty string', (raw) => raw || invalid(), options.default),

  optionalString: (): Setting<string | undefined> => ({
    expects: 'a string, or nothing',
    parse: (raw) => raw,
  }),

  port: (fallback?: number): Setting<number> =>
    setting(
      'a TCP port from 0 to 65535',
      (raw) => (/^\d+$/.test(raw) && Number(raw) <= 65535 ? Number(raw) : invalid()),
      fallback,
    ),

  integer: (options: { min: number; max: number; default?: number }): Setting<number> =>
    setting(
      `an integer from ${options.min} to ${options.max}`,
      (raw) => {
        const value = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
        return value >= options.min && value <= options.max ? value : invalid();
      },
      options.default,
    ),

  /** A number from 0 to 1 (a share, such as a sampling ratio). */
  fraction: (fallback?: number): Setting<number> =>
    setting(
      'a number from 0 to 1',
      (raw) => {
        const value = /^(\d+(\.\d*)?|\.\d+)$/.test(raw) ? Number(raw) : NaN;
        return value >= 0 && value <= 1 ? value : invalid();
      },
      fallback,
    ),

  /** A size as express's body parsers read it (`512kb`, `1mb`, a plain number of bytes), kept as written. */
  byteSize: (options: { default: string }): Setting<string> =>
    setting('a size in bytes such as 512kb or 1mb', (raw) => (/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(raw) ? raw : invalid()), options.default),

  oneOf: <const T extends string>(values: readonly T[], fallback?: T): Setting<T> =>
    setting(`one of ${values.join(', ')}`, (raw) => (values.includes(raw as T) ? (raw as T) : invalid()), fallback),

  boolean: (fallback?: boolean): Setting<boolean> =>
    setting(
      'true or false',
      (raw) => (raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : invalid()),
      fallback,
    ),

  url: (options: { protocols: readonly string[]; default?: string }): Setting<string> => ({
    ...setting(
      `a URL starting with ${options.protocols.map((protocol) => `${protocol}//`).join(' or ')}`,
      (raw) => {
        try {
          return options.protocols.includes(new URL(raw).protocol) ? raw : invalid();
        } catch {
          return invalid();
        }
      },
      options.default,
    ),
    redact: withoutPassword,
  }),

  optionalUrl: (options: { protocols: readonly string[] }): Setting<string | undefined> => ({
    redact: withoutPassword,
    expects: `a URL starting with ${options.protocols.map((protocol) => `${protocol}//`).join(' or ')}, or nothing`,
    parse: (raw) => (raw === undefined ? undefined : settings.url(options).parse(raw)),
  }),

  list: (fallback?: readonly string[]): Setting<readonly string[]> =>
    setting(
      'a comma-separated list',
      (raw) =>
        raw
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      fallback,
    ),

  pem: (label: 'PUBLIC KEY' | 'PRIVATE KEY'): Setting<string> => ({
    ...setting(
      `a PEM-encoded ${label.toLowerCase()} (-----BEGIN ${label}-----)`,
      (raw) => {
        const pem = raw.replace(/\\n/g, '\n');
        return pem.includes(`-----BEGIN ${label}-----`) ? pem : invalid();
      },
      undefined,
    ),
    redact: () => undefined,
  }),

  /** One or more PEM-encoded public keys, one after the other (a comma or newline between them is fine), in order. */
  publicKeyPems: (): Setting<readonly string[]> => ({
    ...setting(
      'one or more PEM-encoded public keys (-----BEGIN PUBLIC KEY-----), one after the other',
      (raw) => {
        const text = raw.replace(/\\n/g, '\n');
        const pems = text.match(/-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+?-----END PUBLIC KEY-----/g) ?? [];
        const rest = pems.reduce((left, pem) => left.replace(pem, ''), text);
        return pems.length > 0 && /^[\s,]*$/.test(rest) ? pems.map((pem) => `${pem}\n`) : invalid();
      },
      undefined,
    ),
    redact: () => undefined,
  }),

  /** Encryption keys as `keyId:base64` entries, the first the current one (see secret-box.ts); never shown. */
  secretKeys: (): Setting<readonly SecretKey[]> => ({
    ...setting(
      'a comma-separated list of keyId:base64 entries (each key 32 bytes; ids unique, of letters, digits, _ or -)',
      (raw) => parseSecretKeys(raw) ?? invalid(),
      undefined,
    ),
    redact: () => undefined,
  }),
} as const;

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];
