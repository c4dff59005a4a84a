import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AddressPolicy, normaliseIp } from "../../src/outbound/address-policy";

const policy = new AddressPolicy();

describe("AddressPolicy", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",
    "169.254.169.254",
    "169.254.1.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd00:ec2::254",
    "fe80::1",
    "fe80::1%eth0",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:169.254.169.254",
    "::ffff:a9fe:a9fe",
    "::127.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "2002:7f00:1::",
    "[::1]",
  ])("refuses %s", (address) => {
    expect(policy.refuseAddress(address)).toMatch(/blocked/);
    expect(policy.refuseName(address)).toMatch(/blocked/);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows the public address %s",
    (address) => {
      expect(policy.refuseAddress(address)).toBeNull();
    },
  );

  it.each([
    ["2130706433", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["0x7f.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["0177.0.0.01", "127.0.0.1"],
    ["0xa9.0xfe.0xa9.0xfe", "169.254.169.254"],
    ["2852039166", "169.254.169.254"],
  ])("reads the spelling %s as %s and refuses it", (spelling, address) => {
    expect(normaliseIp(spelling)).toEqual({ address, family: 4 });
    expect(policy.refuseName(spelling)).toMatch(/blocked/);
  });

  it("refuses metadata and localhost names before any DNS", () => {
    for (const name of ["localhost", "LOCALHOST.", "metadata.google.internal", "a.localhost"]) {
      expect(policy.refuseName(name)).toMatch(/not allowed/);
    }
    expect(policy.refuseName("example.com")).toBeNull();
  });

  it("opens what the allowlist names, and nothing else", () => {
    const open = new AddressPolicy(["127.0.0.1", "10.0.0.0/8", "hooks.intranet", "fd12::/16"]);
    expect(open.refuseAddress("127.0.0.1")).toBeNull();
    expect(open.refuseAddress("::ffff:127.0.0.1")).toBeNull();
    expect(open.refuseAddress("10.200.1.1")).toBeNull();
    expect(open.refuseAddress("fd12::5")).toBeNull();
    expect(open.refuseAddress("127.0.0.2")).toMatch(/blocked/);
    expect(open.refuseAddress("169.254.169.254")).toMatch(/blocked/);
    expect(open.allowsName("Hooks.Intranet.")).toBe(true);
    expect(() => new AddressPolicy(["10.0.0.0/33"])).toThrow(/prefix/);
    expect(() => new AddressPolicy(["http://x"])).toThrow(/neither/);
  });

  it("judges every IPv4 address the same in dotted, decimal and mapped IPv6 spelling", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const octets = ip.split(".").map(Number);
        const decimal = String(octets.reduce((n, o) => n * 256 + o, 0));
        const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
        const mapped = `::ffff:${hex(octets[0]!, octets[1]!)}:${hex(octets[2]!, octets[3]!)}`;
        const verdict = policy.refuseAddress(ip) === null;
        expect(policy.refuseName(decimal) === null).toBe(verdict);
        expect(policy.refuseAddress(mapped) === null).toBe(verdict);
        expect(policy.refuseAddress(`::ffff:${ip}`) === null).toBe(verdict);
      }),
    );
  });
});
