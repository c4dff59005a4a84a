// Which network addresses an outgoing request (webhooks) may reach. By default everything public:
// loopback, private, shared (CGNAT), link-local, cloud metadata, unspecified, multicast and reserved
// ranges are refused, in every spelling (IPv4-mapped and -embedding IPv6 forms are judged by their IPv4
// address; decimal, octal and hex IPv4 spellings by the address they mean). An allowlist of host names
// and addresses/CIDR ranges opens chosen targets for on-premise installs (FORMWORK_WEBHOOK_ALLOWLIST).
// The policy only judges; guarded-request.ts applies it where the connection is made.
import { BlockList, isIP } from "node:net";

const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network", incl. the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // shared address space (carrier-grade NAT)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, incl. the cloud metadata address 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, incl. broadcast
];
const BLOCKED_V6: [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128],
  ["fc00::", 7], // unique local, incl. AWS's metadata address fd00:ec2::254
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed by some stacks)
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
  ["100::", 64], // discard
];
/** Names that reach the metadata service or this machine whatever DNS says. */
const BLOCKED_NAMES = new Set(["localhost", "metadata.google.internal", "metadata.goog", "metadata"]);

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, "ipv6");

export class AddressPolicy {
  private readonly names = new Set<string>();
  private readonly addresses = new BlockList();

  /** `allowlist`: host names ("hooks.intranet") and addresses or CIDR ranges ("10.1.2.3", "10.0.0.0/8", "fd00::/8"). */
  constructor(allowlist: readonly string[] = []) {
    for (const raw of allowlist) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      const [address, prefix] = entry.split("/");
      const ip = normaliseIp(address!);
      if (ip) {
        const bits = prefix === undefined ? (ip.family === 4 ? 32 : 128) : Number(prefix);
        if (!Number.isInteger(bits) || bits < 0 || bits > (ip.family === 4 ? 32 : 128)) {
          throw new Error(`allowlist entry "${raw}" has a bad prefix length`);
        }
        this.addresses.addSubnet(ip.address, bits, ip.family === 4 ? "ipv4" : "ipv6");
      } else if (prefix === undefined && /^[a-z0-9.-]+$/.test(entry)) {
        this.names.add(stripDot(entry));
      } else {
        throw new Error(`allowlist entry "${raw}" is neither a host name nor an address or CIDR range`);
      }
    }
  }

  /** A host name the operator allowed: every address it resolves to may be reached. */
  allowsName(hostname: string): boolean {
    return this.names.has(stripDot(hostname.toLowerCase()));
  }

  /** Why `hostname` may not be asked for at all (before any DNS), or null. */
  refuseName(hostname: string): string | null {
    const name = stripDot(hostname.toLowerCase().replace(/^\[|\]$/g, ""));
    if (this.allowsName(name)) return null;
    const ip = normaliseIp(name);
    if (ip) return this.refuseAddress(ip.address);
    if (BLOCKED_NAMES.has(name) || name.endsWith(".localhost")) return `host ${name} is not allowed`;
    return null;
  }

  /** Why a resolved or literal address may not be connected to, or null. */
  refuseAddress(address: string): string | null {
    const ip = normaliseIp(address);
    if (!ip) return `"${address}" is not an IP address`;
    const type = ip.family === 4 ? "ipv4" : "ipv6";
    if (this.addresses.check(ip.address, type)) return null;
    if (blocked.check(ip.address, type)) return `address ${ip.address} is in a blocked range`;
    return null;
  }
}

/**
 * The address `text` means, or null when it is not an IP: IPv4 in the loose spellings inet_aton and URL
 * parsers accept (2130706433, 0x7f.1, 017700000001, 127.1), IPv6 with IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) forms reduced to that IPv4.
 */
export function normaliseIp(text: string): { address: string; family: 4 | 6 } | null {
  const t = text.trim().replace(/^\[|\]$/g, "");
  const v4 = parseLooseIPv4(t);
  if (v4 !== null) return { address: v4, family: 4 };
  const bare = t.split("%")[0]!; // a zone index (fe80::1%eth0) does not change the range
  if (isIP(bare) !== 6) return null;
  const words = expandIPv6(bare);
  if (!words) return null;
  const embedded = embeddedIPv4(words);
  if (embedded) return { address: embedded, family: 4 };
  return { address: words.map((w) => w.toString(16)).join(":"), family: 6 };
}

function parseLooseIPv4(text: string): string | null {
  const parts = stripDot(text).split(".");
  if (parts.length === 0 || parts.length > 4) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]+$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
    else return null;
    if (!Number.isSafeInteger(value)) return null;
    numbers.push(value);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255) || last >= 256 ** (4 - numbers.length)) return null;
  let value = last;
  numbers.forEach((n, i) => {
    value += n * 256 ** (3 - i);
  });
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

function expandIPv6(text: string): number[] | null {
  let head = text;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const octets = dotted[1]!.split(".").map(Number);
    tail.push(octets[0]! * 256 + octets[1]!, octets[2]! * 256 + octets[3]!);
    head = text.slice(0, -dotted[1]!.length);
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  const [left, right] = head.split("::");
  const words = (s: string | undefined) => (s ? s.split(":").map((w) => Number.parseInt(w, 16)) : []);
  const a = words(left);
  const b = words(right);
  const missing = 8 - a.length - b.length - tail.length;
  if (right === undefined ? missing !== 0 : missing < 0) return null;
  const all = [...a, ...Array<number>(Math.max(0, missing)).fill(0), ...b, ...tail];
  return all.length === 8 && all.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? all : null;
}

function embeddedIPv4(w: number[]): string | null {
  const quad = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  const zero = (from: number, to: number) => w.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && w[5] === 0xffff) return quad(w[6]!, w[7]!); // ::ffff:a.b.c.d mapped
  if (zero(0, 6) && (w[6]! > 0 || w[7]! > 1)) return quad(w[6]!, w[7]!); // ::a.b.c.d compatible
  if (w[0] === 0x64 && w[1] === 0xff9b && zero(2, 6)) return quad(w[6]!, w[7]!); // NAT64
  if (w[0] === 0x2002) return quad(w[1]!, w[2]!); // 6to4
  return null;
}

function stripDot(name: string): string {
  return name.endsWith(".") ? name.slice(0, -1) : name;
}
