import { describe, expect, it } from "vitest";
import { BatchRamp } from "./timers";

describe("BatchRamp", () => {
  it("starts small, doubles while rounds find timers, and stops at the batch size", () => {
    const ramp = new BatchRamp(100, 1000);
    const sizes: number[] = [];
    for (let round = 0; round < 6; round++) {
      sizes.push(ramp.next());
      ramp.claimed(ramp.next());
    }
    expect(sizes).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it("starts small again after a round that found nothing", () => {
    const ramp = new BatchRamp(100, 1000);
    ramp.claimed(100);
    ramp.claimed(200);
    expect(ramp.next()).toBe(400);
    ramp.claimed(0);
    expect(ramp.next()).toBe(100);
  });

  it("never claims more than the batch size, even when that is below the first size", () => {
    const ramp = new BatchRamp(100, 20);
    expect(ramp.next()).toBe(20);
    ramp.claimed(20);
    expect(ramp.next()).toBe(20);
  });
});
