import { ConfigError, readConfig, settings, type Environment, type Setting } from './config';

/** Reads one setting from the variable VALUE. */
function read<T>(setting: Setting<T>, raw: string | undefined): T {
  return readConfig({ value: { variable: 'VALUE', setting } }, { VALUE: raw }).value;
}

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function problem<T>(setting: Setting<T>, raw: string | undefined): string {
  const problems = problemsOf(() => read(setting, raw));
  expect(problems).toHaveLength(1);
  return problems[0] ?? '';
}

describe('settings.string', () => {
  it.each<[string | undefined, string]>([
    [undefined, 'fallback'],
    ['', 'fallback'],
    ['value', 'value'],
    ['  padded  ', 'padded'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(settings.string({ default: 'fallback' }), raw)).toBe(expected);
  });

  it('is required without a default', () => {
    expect(problem(settings.string(), undefined)).toBe('VALUE: expected a non-empty string, it is not set');
  });

  it('refuses blanks', () => {
    expect(problem(settings.string({ default: 'fallback' }), '   ')).toBe('VALUE: expected a non-empty string, got "   "');
  });
});

describe('settings.optionalString', () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['value', 'value'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(settings.optionalString(), raw)).toBe(expected);
  });
});

describe('settings.port', () => {
  it.each<[string | undefined, number]>([
    [undefined, 4000],
    ['0', 0],
    ['8080', 8080],
    [' 8080 ', 8080],
    ['65535', 65535],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(settings.port(4000), raw)).toBe(expected);
  });

  it.each(['65536', '-1', '80.5', '8080a', 'http'])('refuses %p', (raw) => {
    expect(problem(settings.port(4000), raw)).toBe(`VALUE: expected a TCP port from 0 to 65535, got ${JSON.stringify(raw)}`);
  });

  it('is required without a default', () => {
    expect(problem(settings.port(), undefined)).toBe('VALUE: expected a TCP port from 0 to 65535, it is not set');
  });
});

describe('settings.integer', () => {
  const poolSize = settings.integer({ min: -5, max: 10, default: 2 });

  it.each<[string | undefined, number]>([
    [undefined, 2],
    ['-5', -5],
    ['0', 0],
    ['10', 10],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(poolSize, raw)).toBe(expected);
  });

  it.each(['-6', '11', '2.5', '1e3', 'ten'])('refuses %p', (raw) => {
    expect(problem(poolSize, raw)).toBe(`VALUE: expected an integer from -5 to 10, got ${JSON.stringify(raw)}`);
  });

  it('is required without a default', () => {
    expect(problem(settings.integer({ min: 1, max: 3 }), undefined)).toBe('VALUE: expected an integer from 1 to 3, it is not set');
  });
});

describe('settings.fraction', () => {
  const ratio = settings.fraction(1);

  it.each<[string | undefined, number]>([
    [undefined, 1],
    ['0', 0],
    ['0.1', 0.1],
    ['.25', 0.25],
    ['1', 1],
    ['1.0', 1],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(ratio, raw)).toBe(expected);
  });

  it.each(['-0.1', '1.01', '10%', '1e-1', 'half', 'NaN'])('refuses %p', (raw) => {
    expect(problem(ratio, raw)).toBe(`VALUE: expected a number from 0 to 1, got ${JSON.stringify(raw)}`);
  });
});

describe('settings.byteSize', () => {
  const bodyLimit = settings.byteSize({ default: '1mb' });

  it.each<[string | undefined, string]>([
    [undefined, '1mb'],
    ['512kb', '512kb'],
    ['2MB', '2MB'],
    ['1.5 mb', '1.5 mb'],
    ['1048576', '1048576'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(bodyLimit, raw)).toBe(expected);
  });

  // express's body parsers would throw a bare TypeError at start-up for most of these, and read "1 mib" as one byte.
  it.each(['one megabyte', '1 mib', '-1mb', 'mb'])('refuses %p', (raw) => {
    expect(problem(bodyLimit, raw)).toBe(`VALUE: expected a size in bytes such as 512kb or 1mb, got ${JSON.stringify(raw)}`);
  });
});

describe('settings.oneOf', () => {
  const environment = settings.oneOf(['development', 'test', 'production'], 'development');

  it.each<[string | undefined, string]>([
    [undefined, 'development'],
    ['test', 'test'],
    ['production', 'production'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(environment, raw)).toBe(expected);
  });

  it.each(['Production', 'staging'])('refuses %p', (raw) => {
    expect(problem(environment, raw)).toBe(`VALUE: expected one of development, test, production, got ${JSON.stringify(raw)}`);
  });

  it('is required without a default', () => {
    expect(problem(settings.oneOf(['a', 'b']), undefined)).toBe('VALUE: expected one of a, b, it is not set');
  });
});

describe('settings.boolean', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(settings.boolean(false), raw)).toBe(expected);
  });

  it.each(['yes', 'TRUE', '2'])('refuses %p', (raw) => {
    expect(problem(settings.boolean(false), raw)).toBe(`VALUE: expected true or false, got ${JSON.stringify(raw)}`);
  });

  it('is required without a default', () => {
    expect(problem(settings.boolean(), undefined)).toBe('VALUE: expected true or false, it is not set');
  });
});

describe('settings.url', () => {
  const endpoint = settings.url({ protocols: ['http:', 'https:'], default: 'http://127.0.0.1:4001/graphql' });

  it.each<[string | undefined, string]>([
    [undefined, 'http://127.0.0.1:4001/graphql'],
    ['https://identity.example/graphql', 'https://identity.example/graphql'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(endpoint, raw)).toBe(expected);
  });

  it.each(['ftp://identity.example/graphql', 'identity.example/graphql', 'not a url'])('refuses %p', (raw) => {
    expect(problem(endpoint, raw)).toBe(`VALUE: expected a URL starting with http:// or https://, got ${JSON.stringify(raw)}`);
  });
});

describe('settings.optionalUrl', () => {
  const databaseUrl = settings.optionalUrl({ protocols: ['postgres:', 'postgresql:'] });

  it.each<[string | undefined, string | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['postgres://127.0.0.1:5432/partnergraph', 'postgres://127.0.0.1:5432/partnergraph'],
    ['postgresql://127.0.0.1/partnergraph', 'postgresql://127.0.0.1/partnergraph'],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(databaseUrl, raw)).toBe(expected);
  });

  it('refuses another protocol', () => {
    expect(problem(databaseUrl, 'mysql://127.0.0.1/partnergraph')).toBe(
      'VALUE: expected a URL starting with postgres:// or postgresql://, or nothing, got "mysql://127.0.0.1/partnergraph"',
    );
  });
});

describe('settings.list', () => {
  it.each<[string | undefined, readonly string[]]>([
    [undefined, ['http://localhost:3000']],
    ['https://a.example', ['https://a.example']],
    [' https://a.example, https://b.example,, ', ['https://a.example', 'https://b.example']],
  ])('reads %p as %p', (raw, expected) => {
    expect(read(settings.list(['http://localhost:3000']), raw)).toEqual(expected);
  });

  it('is required without a default', () => {
    expect(problem(settings.list(), undefined)).toBe('VALUE: expected a comma-separated list, it is not set');
  });
});

describe('secrets in rejected URLs', () => {
  it('masks the password of a rejected URL', () => {
    expect(problem(settings.url({ protocols: ['postgres:'] }), 'mysql://admin:hunter2@db.internal/app')).toBe(
      'VALUE: expected a URL starting with postgres://, got "mysql://admin:***@db.internal/app"',
    );
  });
});

describe('settings.pem', () => {
  const pem = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----';

  it('reads a PEM', () => {
    expect(read(settings.pem('PUBLIC KEY'), `${pem}\n`)).toBe(pem);
  });

  it('reads a PEM whose newlines are written as \\n, as one-line environment files need', () => {
    expect(read(settings.pem('PUBLIC KEY'), pem.replace(/\n/g, '\\n'))).toBe(pem);
  });

  it('refuses a PEM with another label', () => {
    const privateKey = pem.replace(/PUBLIC/g, 'PRIVATE');
    expect(problem(settings.pem('PUBLIC KEY'), privateKey)).toMatch(
      /^VALUE: expected a PEM-encoded public key \(-----BEGIN PUBLIC KEY-----\), got /,
    );
  });

  it('never echoes a rejected key, which may be a private key in the wrong variable', () => {
    const privateKey = pem.replace(/PUBLIC/g, 'PRIVATE');
    expect(problem(settings.pem('PUBLIC KEY'), privateKey)).toBe(
      'VALUE: expected a PEM-encoded public key (-----BEGIN PUBLIC KEY-----), got a value not shown here',
    );
  });

  it('is always required', () => {
    expect(problem(settings.pem('PRIVATE KEY'), undefined)).toBe(
      'VALUE: expected a PEM-encoded private key (-----BEGIN PRIVATE KEY-----), it is not set',
    );
  });
});

describe('readConfig', () => {
  const gatewaySettings = {
    port: { variable: 'GATEWAY_PORT', setting: settings.port(4000) },
    environment: { variable: 'NODE_ENV', setting: settings.oneOf(['development', 'test', 'production'], 'development') },
    identityUrl: { variable: 'IDENTITY_URL', setting: settings.url({ protocols: ['http:', 'https:'] }) },
    introspection: { variable: 'INTROSPECTION', setting: settings.boolean(false) },
  };

  it('returns a frozen object keyed like the settings', () => {
    const config = readConfig(gatewaySettings, { GATEWAY_PORT: '4100', IDENTITY_URL: 'http://127.0.0.1:4001/graphql' });
    expect(config).toEqual({
      port: 4100,
      environment: 'development',
      identityUrl: 'http://127.0.0.1:4001/graphql',
      introspection: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once, each naming the variable and what it expects', () => {
    const environment: Environment = { GATEWAY_PORT: 'eighty', NODE_ENV: 'prod', INTROSPECTION: 'true' };
    let error: unknown;
    try {
      readConfig(gatewaySettings, environment);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'GATEWAY_PORT: expected a TCP port from 0 to 65535, got "eighty"',
      'NODE_ENV: expected one of development, test, production, got "prod"',
      'IDENTITY_URL: expected a URL starting with http:// or https://, it is not set',
    ]);
    expect((error as ConfigError).message).toBe(
      [
        'Invalid configuration:',
        '  - GATEWAY_PORT: expected a TCP port from 0 to 65535, got "eighty"',
        '  - NODE_ENV: expected one of development, test, production, got "prod"',
        '  - IDENTITY_URL: expected a URL starting with http:// or https://, it is not set',
      ].join('\n'),
    );
  });

  it('lets an error that is not about the value through', () => {
    const broken: Setting<string> = {
      expects: 'anything',
      parse: () => {
        throw new TypeError('bug in the setting');
      },
    };
    expect(() => read(broken, 'value')).toThrow(TypeError);
  });
});
