import { isIPv4, isIPv6 } from 'node:net';

/** What an address is counted as when the request's address is unknown. */
export const UNKNOWN_ADDRESS = 'unknown';

/** Expands an IPv6 address to its eight 16-bit groups (as numbers); null when it is not one. */
function ipv6Groups(ip: string): number[] | null {
  if (!isIPv6(ip)) return null;
  let text = ip.split('%')[0] ?? ip;
  // A trailing dotted IPv4 part (::ffff:192.0.2.1) becomes two groups.
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const first = parse(head);
  const last = tail === undefined ? [] : parse(tail);
  const missing = 8 - first.length - last.length;
  return [...first, ...Array<number>(Math.max(0, missing)).fill(0), ...last];
}

/**
 * Pure: the client address as the back-off counts it. IPv4 as is; an IPv4-mapped IPv6 address as its
 * IPv4; any other IPv6 address as its /64 network (one subscriber gets a whole /64, so counting single
 * addresses would give an attacker 2^64 fresh counters).
 */
export function clientAddress(ip: string | null | undefined): string {
  if (!ip) return UNKNOWN_ADDRESS;
  if (isIPv4(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return UNKNOWN_ADDRESS;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
