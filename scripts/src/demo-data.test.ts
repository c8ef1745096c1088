import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCode } from '@partnergraph/subscriptions/license-key';
import { demoLicenseKeys, demoVouchers } from './demo-data';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('the demo licence keys and vouchers', () => {
  const codes = [...demoLicenseKeys(new Date()).map((key) => key.key), ...demoVouchers().map((voucher) => voucher.code)];

  it('are valid codes, with their check characters', () => {
    for (const code of codes) expect(parseCode(code)).toEqual({ code });
  });

  it('are the ones the README lists', () => {
    for (const code of codes) expect(README).toContain(code);
  });

  it('include a key issued before 2025-04-01, which stays redeemable', () => {
    expect(demoLicenseKeys(new Date()).some((key) => key.issuedOn < '2025-04-01')).toBe(true);
  });
});
