import { describe, expect, it } from 'vitest';
import { run, scanHits, values } from '../test-helpers';
import { ipAddress, ipv6Valid } from './ip-address';

// Addresses from the documentation ranges (RFC 5737 192.0.2.0/24 etc., RFC 3849 2001:db8::/32).
describe('ip-address', () => {
  // If this fails, an IPv4 address (or CIDR block) is missed or its span is wrong.
  it.each([
    ['login from 192.0.2.44 at noon', '192.0.2.44'],
    ['host 203.0.113.7/24 down', '203.0.113.7/24'],
    ['edge 0.0.0.0 and', '0.0.0.0'],
    ['mask 255.255.255.255.', '255.255.255.255'],
    ['(198.51.100.1)', '198.51.100.1'],
  ])('finds IPv4 in %j', (text, value) => {
    expect(values(ipAddress, text)).toEqual([value]);
  });

  // If this fails, an IPv6 address in one of the RFC 4291 text forms is missed.
  it.each([
    ['srv 2001:db8:0:0:0:0:2:1 up', '2001:db8:0:0:0:0:2:1'],
    ['srv 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ['srv 2001:db8::1 up', '2001:db8::1'],
    ['loopback ::1 ok', '::1'],
    ['link fe80::1ff:fe23:4567:890a%eth0', 'fe80::1ff:fe23:4567:890a'],
    ['prefix 2001:DB8:: only', '2001:DB8::'],
    ['upper 2001:DB8:0:0:8:800:200C:417A', '2001:DB8:0:0:8:800:200C:417A'],
    ['multicast FF01::101', 'FF01::101'],
  ])('finds IPv6 in %j', (text, value) => {
    expect(values(ipAddress, text)).toContain(value);
    expect(scanHits(text).map((h) => [h.value, h.category])).toEqual([[value, 'IP_ADDRESS']]);
  });

  // If this fails, an IPv6 address with an embedded IPv4 tail is not reported as one address.
  it.each([
    ['mapped ::ffff:192.0.2.128 here', '::ffff:192.0.2.128'],
    ['nat64 64:ff9b::198.51.100.7 here', '64:ff9b::198.51.100.7'],
  ])('covers the whole embedded-IPv4 form in %j', (text, value) => {
    expect(scanHits(text).map((h) => [h.value, h.category])).toEqual([[value, 'IP_ADDRESS']]);
  });

  it.each([
    ['::ffff:192.0.2.128', true],
    ['64:ff9b::198.51.100.7', true],
    ['0:0:0:0:0:ffff:192.0.2.1', true],
    ['::ffff:192.0.2.256', false],
    ['1:2:3:4:5:6:7:192.0.2.1', false],
    ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['2001:db8::1::2', false],
    ['2001:db8::g', false],
    ['12345::1', false],
  ])('ipv6Valid(%s) is %s', (s, ok) => {
    expect(ipv6Valid(s)).toBe(ok);
  });

  // If this fails, version numbers, times, ratios or out-of-range octets are reported as addresses.
  it.each([
    '10.0.0.256 bad',
    '999.1.1.1',
    'version 1.2.3.4.5',
    'v1.2.3',
    'at 10:30:00 today',
    'at 10:30 today',
    '2001:db8::1::2',
    'just :: here',
    'ratio 1:2:3',
    '12:34:56:78:90',
    'std::vector<int> v',
  ])('finds no address in %j', (text) => {
    expect(run(ipAddress, text)).toEqual([]);
  });
});
