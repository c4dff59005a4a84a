import { describe, expect, it } from "vitest";
import { groupThousands } from "./number-box";

describe("groupThousands", () => {
  it("groups the integer part only", () => {
    expect(groupThousands("49800.00")).toBe("49,800.00");
    expect(groupThousands("1234567.8912")).toBe("1,234,567.8912");
    expect(groupThousands("-1000")).toBe("-1,000");
    expect(groupThousands("999")).toBe("999");
    expect(groupThousands("")).toBe("");
  });
});
