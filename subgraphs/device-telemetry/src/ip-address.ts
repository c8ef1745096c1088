import { isIPv4, isIPv6 } from 'node:net';
import type { IpVisibility } from '@partnergraph/core';

/** What a caller who may not see an address in full gets for a value that is not an address at all. */
const HIDDEN = 'x.x.x.x';

/**
 * An address as the access matrix lets the caller see it. With
 * LAST_TWO_SEGMENTS, an IPv4 address keeps its last two octets
 * (`x.x.113.45`) and an IPv6 address its last two groups
 * (`x:x:x:x:x:x:0:1`), each hidden segment written as `x`; an IPv4 address
 * written in IPv6 form is shown as the IPv4 address it is, a zone id
 * (`fe80::1%eth0`) is never shown, and anything that is not an address is
 * hidden whole.
 */
export function visibleIpAddress(address: string, visibility: IpVisibility): string {
  if (visibility === 'FULL') return address;
  if (isIPv4(address)) return lastTwoOctets(address.split('.').map(Number));
  if (!isIPv6(address)) return HIDDEN;
  const [withoutZone = ''] = address.split('%');
  const groups = ipv6Groups(withoutZone);
  const embedded = embeddedIpv4(groups);
  if (embedded) return lastTwoOctets(embedded);
  return [...Array<string>(6).fill('x'), ...groups.slice(6).map((group) => group.toString(16))].join(':');
}

/**
 * Whether `text` is a network PostgreSQL's cidr type accepts and a device
 * filter may use: an IPv4 or IPv6 address, optionally with a prefix length
 * (a bare address is a network of one), no bit set beyond the prefix, no
 * zone id. `10.1.0.0/16` is one; `10.1.2.3/16` is not.
 */
export function isIpNetwork(text: string): boolean {
  const parsed = parsePrefixed(text);
  if (!parsed) return false;
  return parsed.bytes.every((byte, index) => {
    const networkBits = Math.min(8, Math.max(0, parsed.prefix - index * 8));
    return (byte & (0xff >> networkBits)) === 0;
  });
}

/** Whether `text` is an address, optionally with a prefix length, as PostgreSQL's inet type accepts and prints it. */
export function isInet(text: string): boolean {
  return parsePrefixed(text) !== null;
}

function parsePrefixed(text: string): { bytes: number[]; prefix: number } | null {
  const [address = '', prefixText, ...rest] = text.split('/');
  if (rest.length > 0) return null;
  let bytes: number[];
  if (isIPv4(address)) bytes = address.split('.').map(Number);
  else if (isIPv6(address) && !address.includes('%')) bytes = ipv6Groups(address).flatMap((group) => [group >> 8, group & 0xff]);
  else return null;
  if (prefixText === undefined) return { bytes, prefix: bytes.length * 8 };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bytes.length * 8) return null;
  return { bytes, prefix: Number(prefixText) };
}

function lastTwoOctets(octets: readonly number[]): string {
  return ['x', 'x', ...octets.slice(2).map(String)].join('.');
}

/**
 * The IPv4 address carried in the last 32 bits of an IPv6 address in one of
 * the forms made for that: IPv4-compatible (::a.b.c.d), IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and the NAT64
 * well-known prefix (64:ff9b::a.b.c.d). Their last two groups would show the
 * whole IPv4 address, so they are masked as IPv4.
 */
function embeddedIpv4(groups: readonly number[]): number[] | null {
  const prefix = groups.slice(0, 6).join(':');
  const embedding = ['0:0:0:0:0:0', '0:0:0:0:0:65535', '0:0:0:0:65535:0', `${0x64}:${0xff9b}:0:0:0:0`].includes(prefix);
  if (!embedding) return null;
  return groups.slice(6).flatMap((group) => [group >> 8, group & 0xff]);
}

/** The eight 16-bit groups of a valid IPv6 address without a zone id, an embedded IPv4 tail included. */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!isIPv4(group)) return [parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = groupsOf(head);
  if (tail === undefined) return left;
  const right = groupsOf(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
