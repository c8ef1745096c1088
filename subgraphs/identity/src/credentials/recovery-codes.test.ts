import { createHash } from 'node:crypto';
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_ENTROPY_BITS,
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from './recovery-codes';

const CODE_FORMAT = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

describe('generateRecoveryCodes', () => {
  it('makes ten codes of two dash-separated groups of six by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
  });

  it('makes the number of codes asked for', () => {
    expect(generateRecoveryCodes(1)).toHaveLength(1);
    expect(generateRecoveryCodes(16)).toHaveLength(16);
  });

  it('refuses a count that is not an integer from 1 to 100', () => {
    for (const count of [0, -1, 1.5, 101, Number.NaN]) {
      expect(() => generateRecoveryCodes(count)).toThrow(
        `generateRecoveryCodes: count must be an integer from 1 to 100, got ${String(count)}`,
      );
    }
  });

  it('never repeats a code', () => {
    const codes = Array.from({ length: 50 }, () => generateRecoveryCodes(20)).flat();
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('carries at least 50 bits of entropy per code', () => {
    expect(RECOVERY_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
  });

  it('uses an alphabet without 0, O, 1, I or L', () => {
    expect(RECOVERY_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(31);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(RECOVERY_CODE_ALPHABET).not.toContain(ambiguous);
    const used = new Set(generateRecoveryCodes(100).join('').replace(/-/g, ''));
    for (const symbol of used) expect(RECOVERY_CODE_ALPHABET).toContain(symbol);
    // 1,200 draws from 31 symbols: every symbol appears (a miss has probability below 1e-15).
    expect(used.size).toBe(31);
  });
});

describe('normaliseRecoveryCode', () => {
  it('upper-cases and removes dashes and whitespace', () => {
    expect(normaliseRecoveryCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normaliseRecoveryCode(' abc de\t-fg hjk\n')).toBe('ABCDEFGHJK');
    expect(normaliseRecoveryCode('ABCDEFGHJK ')).toBe('ABCDEFGHJK');
  });
});

describe('hashRecoveryCode', () => {
  it('is the SHA-256 hex digest of the normalised code', () => {
    expect(hashRecoveryCode('abcde-fghjk')).toBe(createHash('sha256').update('ABCDEFGHJK').digest('hex'));
    expect(hashRecoveryCode('abcde-fghjk')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes differently typed forms of one code the same', () => {
    expect(hashRecoveryCode('abcde-fghjk')).toBe(hashRecoveryCode('ABCDEFGHJK '));
    const [code] = generateRecoveryCodes(1);
    expect(hashRecoveryCode(code ?? '')).toBe(hashRecoveryCode((code ?? '').toLowerCase().replace('-', ' ')));
  });

  it('hashes different codes differently', () => {
    expect(hashRecoveryCode('ABCDE-FGHJK')).not.toBe(hashRecoveryCode('ABCDE-FGHJM'));
  });
});
