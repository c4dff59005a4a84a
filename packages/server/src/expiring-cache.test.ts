import { describe, expect, it } from "vitest";
import { ExpiringCache } from "./expiring-cache";

describe("ExpiringCache", () => {
  it("reloads an expired entry once while the other callers keep the expired value", async () => {
    let now = 0;
    const cache = new ExpiringCache<string, number>(1_000, 10, () => now);
    let loads = 0;
    let release: (value: number) => void = () => {};
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const first = cache.get("a", load);
    release(1);
    expect(await first).toBe(1);
    expect(await cache.get("a", load)).toBe(1);
    expect(loads).toBe(1);

    now = 1_000;
    const reloading = cache.get("a", load);
    expect(await cache.get("a", load)).toBe(1);
    expect(cache.fresh("a")).toBeUndefined();
    expect(loads).toBe(2);
    release(2);
    expect(await reloading).toBe(2);
    expect(await cache.get("a", load)).toBe(2);
    expect(loads).toBe(2);
  });

  it("a failed reload leaves the next caller to try again", async () => {
    let now = 0;
    const cache = new ExpiringCache<string, number>(1_000, 10, () => now);
    await cache.get("a", async () => 1);
    now = 1_000;
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("a", async () => 3)).toBe(3);
  });

  it("does not remember what a load read before a delete", async () => {
    const cache = new ExpiringCache<string, number>(1_000, 10, () => 0);
    let release: (value: number) => void = () => {};
    const pending = cache.get("a", () => new Promise<number>((resolve) => (release = resolve)));
    cache.delete("a");
    release(1);
    expect(await pending).toBe(1);
    expect(cache.fresh("a")).toBeUndefined();
    expect(await cache.get("a", async () => 2)).toBe(2);
  });

  it("reloads a valid entry when asked to, while the other callers keep it", async () => {
    const cache = new ExpiringCache<string, number>(1_000, 10, () => 0);
    await cache.get("a", async () => 1);
    let release: (value: number) => void = () => {};
    const reloading = cache.get("a", () => new Promise<number>((resolve) => (release = resolve)), true);
    expect(await cache.get("a", async () => 9)).toBe(1);
    release(2);
    expect(await reloading).toBe(2);
    expect(await cache.get("a", async () => 9)).toBe(2);
  });
});
