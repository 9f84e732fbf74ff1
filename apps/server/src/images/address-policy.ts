import ipaddr from 'ipaddr.js';

/**
 * Which network addresses server-side fetches may reach. Only public unicast addresses pass by
 * default: private, loopback, link-local (cloud metadata at 169.254.169.254), CGNAT, unique-local
 * (fd00:ec2::254), multicast and reserved ranges are refused unless an allow-list entry covers them.
 */
export class AddressPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  /** Entries are host names (exact), IP addresses, or CIDR ranges such as `10.1.0.0/16`. */
  constructor(allowList: readonly string[]) {
    for (const entry of allowList) {
      const value = entry.trim().toLowerCase();
      if (value.includes('/') && ipaddr.isValidCIDR(value)) {
        this.ranges.push(ipaddr.parseCIDR(value));
      } else if (ipaddr.isValid(value)) {
        const address = normalize(ipaddr.parse(value));
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else {
        this.hosts.add(value);
      }
    }
  }

  isHostAllowListed(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase());
  }

  /** Whether a resolved address may be connected to. */
  allows(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = normalize(ipaddr.parse(address));
    if (parsed.range() === 'unicast') return true;
    return this.ranges.some(
      ([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits),
    );
  }
}

/** IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries. */
function normalize(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}
