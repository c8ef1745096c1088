import { visibleIpAddress } from './ip-address';

describe('visibleIpAddress', () => {
  it('gives the whole address to those who may see it in full', () => {
    expect(visibleIpAddress('192.0.2.113', 'FULL')).toBe('192.0.2.113');
    expect(visibleIpAddress('2001:db8::1', 'FULL')).toBe('2001:db8::1');
  });

  it.each([
    ['192.0.113.45', 'x.x.113.45'],
    ['10.0.0.1', 'x.x.0.1'],
    ['255.255.255.255', 'x.x.255.255'],
  ])('keeps the last two octets of IPv4 %s', (address, visible) => {
    expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).toBe(visible);
  });

  it.each([
    ['2001:db8:85a3::8a2e:370:7334', 'x:x:x:x:x:x:370:7334'],
    ['2001:db8::1', 'x:x:x:x:x:x:0:1'],
    ['fe80::', 'x:x:x:x:x:x:0:0'],
    ['2001:0DB8:0000:0000:0000:0000:0ABC:00EF', 'x:x:x:x:x:x:abc:ef'],
    ['2001:db8::ffff:a03:1e02', 'x:x:x:x:x:x:a03:1e02'],
  ])('keeps the last two groups of IPv6 %s', (address, visible) => {
    expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).toBe(visible);
  });

  it.each([
    ['::ffff:192.0.2.128', 'x.x.2.128'],
    ['::ffff:10.3.30.2', 'x.x.30.2'],
    ['::FFFF:0a03:1e02', 'x.x.30.2'],
    ['::10.3.30.2', 'x.x.30.2'],
    ['::1', 'x.x.0.1'],
  ])('shows an IPv4 address written in IPv6 form (%s) as IPv4, never its first two octets', (address, visible) => {
    expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).toBe(visible);
  });

  it('never shows more than the last two segments of something that is not an address', () => {
    expect(visibleIpAddress('not-an-address', 'LAST_TWO_SEGMENTS')).toBe('x.x.x.x');
  });
});
