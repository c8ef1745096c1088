import { isIPv4, isIPv6 } from 'node:net';
import type { IpVisibility } from '@partnergraph/core';

/**
 * An address as the access matrix lets the caller see it. With
 * LAST_TWO_SEGMENTS, an IPv4 address keeps its last two octets
 * (`x.x.113.45`) and an IPv6 address its last two groups
 * (`x:x:x:x:x:x:0:1`), each hidden segment written as `x`; an IPv4 address
 * written in IPv6 form is shown as the IPv4 address it is.
 */
export function visibleIpAddress(address: string, visibility: IpVisibility): string {
  if (visibility === 'FULL') return address;
  if (isIPv4(address)) return lastTwoOctets(address.split('.'));
  if (!isIPv6(address)) return 'x.x.x.x';
  const groups = ipv6Groups(address);
  // An IPv4 address in IPv6 form (::ffff:a.b.c.d, ::a.b.c.d) carries all four octets in its last two groups.
  if (groups.slice(0, 5).every((group) => group === '0') && (groups[5] === 'ffff' || groups[5] === '0')) {
    return lastTwoOctets(groups.slice(6).flatMap((group) => [String(parseInt(group, 16) >> 8), String(parseInt(group, 16) & 0xff)]));
  }
  return [...Array<string>(6).fill('x'), ...groups.slice(6)].join(':');
}

function lastTwoOctets(octets: readonly string[]): string {
  return ['x', 'x', ...octets.slice(2)].join('.');
}

/** The eight groups of an IPv6 address (lowercase, without leading zeros), an embedded IPv4 tail included. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const groupsOf = (part: string): string[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!isIPv4(group)) return [group];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = groupsOf(head);
  if (tail === undefined) return left.map(withoutLeadingZeros);
  const right = groupsOf(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right].map(withoutLeadingZeros);
}

function withoutLeadingZeros(group: string): string {
  return group.replace(/^0+(?=.)/, '');
}
