import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  otpauthUri,
  totpCode,
  totpCounter,
  verifyTotp,
} from './totp';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET_ASCII = '12345678901234567890';
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_SHA1_VECTORS: ReadonlyArray<[seconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

const at = (seconds: number): Date => new Date(seconds * 1000);

describe('RFC 6238 Appendix B (SHA-1)', () => {
  it('has the base32 secret that encodes the RFC seed', () => {
    expect(base32Decode(RFC_SECRET_BASE32).toString('ascii')).toBe(RFC_SECRET_ASCII);
    expect(base32Encode(Buffer.from(RFC_SECRET_ASCII, 'ascii'))).toBe(RFC_SECRET_BASE32);
  });

  it.each(RFC_SHA1_VECTORS)('at %d s the 8-digit code is %s', (seconds, eightDigits) => {
    const counter = Math.floor(seconds / 30);
    expect(totpCounter(at(seconds))).toBe(counter);
    expect(hotp(Buffer.from(RFC_SECRET_ASCII, 'ascii'), counter, 8)).toBe(eightDigits);
  });

  it.each(RFC_SHA1_VECTORS)('at %d s the 6-digit code is the last six digits of %s', (seconds, eightDigits) => {
    const sixDigits = eightDigits.slice(-6);
    expect(totpCode(RFC_SECRET_BASE32, at(seconds))).toBe(sixDigits);
    expect(verifyTotp(RFC_SECRET_BASE32, sixDigits, at(seconds))).toBe(Math.floor(seconds / 30));
  });
});

describe('RFC 4226 Appendix D (HOTP)', () => {
  it('produces the published codes for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    const secret = Buffer.from(RFC_SECRET_ASCII, 'ascii');
    expect(expected.map((_, counter) => hotp(secret, counter))).toEqual(expected);
  });

  it('refuses a negative counter and unsupported digit counts', () => {
    const secret = Buffer.from(RFC_SECRET_ASCII, 'ascii');
    expect(() => hotp(secret, -1)).toThrow('hotp: counter must be a non-negative safe integer, got -1');
    expect(() => hotp(secret, 0, 9)).toThrow('hotp: digits must be an integer from 6 to 8, got 9');
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const now = at(1_700_000_000);
  const counter = totpCounter(now);
  const codeAtStep = (step: number): string => totpCode(secret, at(step * 30));

  it('accepts the current code and returns its counter', () => {
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(counter);
  });

  it('accepts the previous and next step by default', () => {
    expect(verifyTotp(secret, codeAtStep(counter - 1), now)).toBe(counter - 1);
    expect(verifyTotp(secret, codeAtStep(counter + 1), now)).toBe(counter + 1);
  });

  it('refuses codes two steps off with the default window', () => {
    expect(verifyTotp(secret, codeAtStep(counter - 2), now)).toBeNull();
    expect(verifyTotp(secret, codeAtStep(counter + 2), now)).toBeNull();
  });

  it('honours the window option', () => {
    expect(verifyTotp(secret, codeAtStep(counter - 1), now, { window: 0 })).toBeNull();
    expect(verifyTotp(secret, codeAtStep(counter + 2), now, { window: 2 })).toBe(counter + 2);
    expect(() => verifyTotp(secret, '123456', now, { window: -1 })).toThrow(
      'verifyTotp: window must be an integer from 0 to 10, got -1',
    );
  });

  it('lets the caller refuse a replay by comparing counters', () => {
    const code = totpCode(secret, now);
    const lastAccepted = verifyTotp(secret, code, now);
    // The same code a few seconds later matches the same counter, which is not strictly greater.
    expect(lastAccepted).toBe(counter);
    expect(verifyTotp(secret, code, at(1_700_000_000 + 5))).toBe(lastAccepted);
  });

  it.each(['', '12345', '1234567', '12345678', '12 3456', ' 123456', '123456 ', 'abcdef', '12345a', '-12345', '１２３４５６'])(
    'refuses the malformed code %j',
    (code) => {
      expect(verifyTotp(secret, code, now)).toBeNull();
    },
  );

  it('refuses the right code with a stray character around it', () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, `${code} `, now)).toBeNull();
    expect(verifyTotp(secret, `0${code}`, now)).toBeNull();
  });
});

describe('base32', () => {
  it('round-trips every length from 0 to 40 bytes', () => {
    for (let length = 0; length <= 40; length += 1) {
      const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 37 + 11) & 0xff));
      const encoded = base32Encode(bytes);
      expect(encoded).toMatch(/^[A-Z2-7]*$/);
      expect(encoded).toHaveLength(Math.ceil((length * 8) / 5));
      expect(base32Decode(encoded).equals(bytes)).toBe(true);
    }
  });

  it('matches the RFC 4648 test vectors (padding removed)', () => {
    const vectors = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI'];
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((text) => base32Encode(Buffer.from(text)))).toEqual(
      vectors,
    );
    expect(base32Decode('MZXW6YQ=').toString()).toBe('foob');
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
  });

  it('throws on characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow('base32Decode: invalid base32 character "1"');
  });

  it('generates 20-byte secrets as unpadded base32', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('otpauthUri', () => {
  it('percent-encodes issuer and account name and lists the parameters', () => {
    const uri = otpauthUri({
      secretBase32: RFC_SECRET_BASE32,
      accountName: 'Ada Lovelace@example.com',
      issuer: 'Partner Graph',
    });
    expect(uri).toBe(
      'otpauth://totp/Partner%20Graph:Ada%20Lovelace%40example.com' +
        '?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Partner%20Graph&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('parses back to the same values with the WHATWG URL parser', () => {
    const uri = new URL(otpauthUri({ secretBase32: RFC_SECRET_BASE32, accountName: 'a&b=c?d#e', issuer: 'X&Y' }));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/X&Y:a&b=c?d#e');
    expect(uri.searchParams.get('issuer')).toBe('X&Y');
    expect(uri.searchParams.get('secret')).toBe(RFC_SECRET_BASE32);
  });

  it('refuses a colon or an empty value in the issuer or account name', () => {
    expect(() => otpauthUri({ secretBase32: RFC_SECRET_BASE32, accountName: 'a:b', issuer: 'X' })).toThrow(
      'otpauthUri: accountName must be non-empty and contain no colon, got "a:b"',
    );
    expect(() => otpauthUri({ secretBase32: RFC_SECRET_BASE32, accountName: 'a', issuer: '' })).toThrow(
      'otpauthUri: issuer must be non-empty',
    );
  });
});
