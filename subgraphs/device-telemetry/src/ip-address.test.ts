import { isInet, isIpNetwork, visibleIpAddress } from './ip-address';

describe('visibleIpAddress', () => {
  // [what it is, the address as stored or reported, as a caller with FULL sees it, with LAST_TWO_SEGMENTS]
  const table: [string, string, string, string][] = [
    ['IPv4', '192.0.113.45', '192.0.113.45', 'x.x.113.45'],
    ['IPv4 with zeros', '10.0.0.1', '10.0.0.1', 'x.x.0.1'],
    ['IPv4 broadcast', '255.255.255.255', '255.255.255.255', 'x.x.255.255'],
    ['IPv6 in full', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'x:x:x:x:x:x:370:7334'],
    ['IPv6 in full, upper case', '2001:0DB8:0000:0000:0000:0000:0ABC:00EF', '2001:0DB8:0000:0000:0000:0000:0ABC:00EF', 'x:x:x:x:x:x:abc:ef'],
    ['IPv6 compressed', '2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334', 'x:x:x:x:x:x:370:7334'],
    ['IPv6 compressed at the end', 'fe80::', 'fe80::', 'x:x:x:x:x:x:0:0'],
    ['IPv6 compressed in the middle', '2001:db8::1', '2001:db8::1', 'x:x:x:x:x:x:0:1'],
    ['IPv6 whose last groups look like IPv4 in hex', '2001:db8::ffff:a03:1e02', '2001:db8::ffff:a03:1e02', 'x:x:x:x:x:x:a03:1e02'],
    ['IPv4-mapped IPv6', '::ffff:192.0.2.10', '::ffff:192.0.2.10', 'x.x.2.10'],
    ['IPv4-mapped IPv6 in hex', '::FFFF:0a03:1e02', '::FFFF:0a03:1e02', 'x.x.30.2'],
    ['IPv4-mapped IPv6 written out', '0:0:0:0:0:ffff:10.3.30.2', '0:0:0:0:0:ffff:10.3.30.2', 'x.x.30.2'],
    ['IPv4-compatible IPv6', '::10.3.30.2', '::10.3.30.2', 'x.x.30.2'],
    ['IPv6 loopback (IPv4-compatible form)', '::1', '::1', 'x.x.0.1'],
    ['IPv4-translated IPv6', '::ffff:0:10.3.30.2', '::ffff:0:10.3.30.2', 'x.x.30.2'],
    ['NAT64 IPv6', '64:ff9b::10.3.30.2', '64:ff9b::10.3.30.2', 'x.x.30.2'],
    ['IPv6 with a zone id', 'fe80::1%eth0', 'fe80::1%eth0', 'x:x:x:x:x:x:0:1'],
    ['IPv6 with a numeric zone id', 'fe80::abcd:1234%25', 'fe80::abcd:1234%25', 'x:x:x:x:x:x:abcd:1234'],
    ['IPv4-mapped IPv6 with a zone id', '::ffff:192.0.2.10%en0', '::ffff:192.0.2.10%en0', 'x.x.2.10'],
    ['not an address', 'not-an-address', 'not-an-address', 'x.x.x.x'],
    ['empty', '', '', 'x.x.x.x'],
    ['three octets', '192.0.2', '192.0.2', 'x.x.x.x'],
    ['five octets', '192.0.2.1.5', '192.0.2.1.5', 'x.x.x.x'],
    ['an octet out of range', '192.0.2.256', '192.0.2.256', 'x.x.x.x'],
    ['IPv4 with a zone id', '192.0.2.1%eth0', '192.0.2.1%eth0', 'x.x.x.x'],
    ['IPv6 with an empty zone id', 'fe80::1%', 'fe80::1%', 'x.x.x.x'],
    ['IPv6 with two gaps', '2001::db8::1', '2001::db8::1', 'x.x.x.x'],
    ['IPv6 with nine groups', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8:9', 'x.x.x.x'],
    ['IPv6 with a group too long', '2001:db8::12345', '2001:db8::12345', 'x.x.x.x'],
    ['an address with a prefix length', '192.0.2.1/24', '192.0.2.1/24', 'x.x.x.x'],
    ['an address with spaces', ' 192.0.2.1', ' 192.0.2.1', 'x.x.x.x'],
  ];

  it.each(table)('%s (%s): in full as it is', (_kind, address, full) => {
    expect(visibleIpAddress(address, 'FULL')).toBe(full);
  });

  it.each(table)('%s (%s): last two segments only', (_kind, address, _full, masked) => {
    expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).toBe(masked);
  });

  it.each(table)('%s (%s): a masked address never shows a zone id', (_kind, address) => {
    expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).not.toContain('%');
  });

  it('never shows the first two octets of an IPv4 address in any IPv6 form, in decimal or in hex', () => {
    for (const address of ['::ffff:10.3.30.2', '::ffff:a03:1e02', '::10.3.30.2', '::ffff:0:10.3.30.2', '64:ff9b::a03:1e02']) {
      expect(visibleIpAddress(address, 'LAST_TWO_SEGMENTS')).not.toMatch(/10\.3|a03/i);
    }
  });
});

describe('isIpNetwork', () => {
  it.each(['10.1.0.0/16', '10.1.2.3', '10.1.2.3/32', '0.0.0.0/0', '2001:db8::/32', '2001:db8::1', 'fe80::/10', '::ffff:10.0.0.0/104'])(
    'accepts %s',
    (text) => {
      expect(isIpNetwork(text)).toBe(true);
    },
  );

  it.each(['10.1.2.3/16', '10.0.0.0/33', '2001:db8::1/32', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/1/2', '10.0.0.0/-1', '10.0.0.0/ 8', 'fe80::%eth0/10', 'not-a-network', ''])(
    'refuses %s',
    (text) => {
      expect(isIpNetwork(text)).toBe(false);
    },
  );
});

describe('isInet', () => {
  it('accepts an address with or without a prefix length, bits beyond the prefix included', () => {
    expect(['10.1.2.3/16', '10.1.2.3', '2001:db8::1/128', '::ffff:192.0.2.10/128'].every(isInet)).toBe(true);
  });

  it('refuses anything else', () => {
    expect(['10.1.2.3/33', 'fe80::1%eth0/128', '', 'x'].some(isInet)).toBe(false);
  });
});
