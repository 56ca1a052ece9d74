import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address.js';

describe('clientAddress', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6 ones', () => {
    expect(clientAddress('192.0.2.1')).toBe('192.0.2.1');
    expect(clientAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientAddress('::ffff:c000:0201')).toBe('192.0.2.1');
  });

  it('counts an IPv6 address as its /64 network, however it is written', () => {
    expect(clientAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0db8:0001:0002:0:0:0:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('::1')).toBe('0:0:0:0::/64');
    expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('counts a missing or unreadable address as one unknown address', () => {
    expect(clientAddress(null)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(undefined)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress('')).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress('not an address')).toBe(UNKNOWN_ADDRESS);
  });
});
