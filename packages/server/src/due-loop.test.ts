import type { FastifyBaseLogger } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DueLoop, type DueWork } from "./due-loop";

const log = { warn: vi.fn(), error: vi.fn() } as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let loop: DueLoop | null = null;
afterEach(async () => {
  await loop?.stop();
  loop = null;
  vi.clearAllMocks();
});

/** Rounds that claim from `queue` (taken in order), recording when each ran. */
function work(queue: number[], next: () => number | null = () => null) {
  const rounds: number[] = [];
  const started = performance.now();
  const w: DueWork = {
    round: async () => {
      rounds.push(performance.now() - started);
      return queue.shift() ?? 0;
    },
    msUntilNext: async () => next(),
  };
  return { w, rounds };
}

describe("DueLoop", () => {
  it("sleeps until the next row is due, not for the whole poll interval", async () => {
    const { w, rounds } = work([], () => 60);
    loop = new DueLoop(w, { pollMs: 10_000, workers: 1 }, log, "poll failed");
    loop.start();
    await sleep(300);
    // A round at once, then one about every 60 ms (a 10 s interval would have given one round).
    expect(rounds.length).toBeGreaterThanOrEqual(3);
    expect(rounds[1]! - rounds[0]!).toBeGreaterThanOrEqual(55);
  });

  it("goes again at once after a round that claimed, and sleeps after an empty one", async () => {
    const { w, rounds } = work([5, 3, 1]);
    loop = new DueLoop(w, { pollMs: 10_000, workers: 1 }, log, "poll failed");
    loop.start();
    await sleep(100);
    expect(rounds).toHaveLength(4);
  });

  it("with batchSize, goes again at once only after a full round", async () => {
    const { w, rounds } = work([5, 3, 5]);
    loop = new DueLoop(w, { pollMs: 10_000, workers: 1, batchSize: 5 }, log, "poll failed");
    loop.start();
    await sleep(100);
    expect(rounds).toHaveLength(2);
  });

  it("wake() ends the sleeps of every loop; stop() ends the loops", async () => {
    const { w, rounds } = work([]);
    loop = new DueLoop(w, { pollMs: 10_000, workers: 2 }, log, "poll failed");
    loop.start();
    await sleep(50);
    expect(rounds).toHaveLength(2);
    loop.wake();
    await sleep(50);
    expect(rounds).toHaveLength(4);
    const stopped = performance.now();
    await loop.stop();
    expect(performance.now() - stopped).toBeLessThan(1000);
    expect(rounds).toHaveLength(4);
  });

  it("logs a failed round and tries again after the interval", async () => {
    let calls = 0;
    loop = new DueLoop(
      {
        round: async () => {
          calls++;
          if (calls === 1) throw new Error("boom");
          return 0;
        },
      },
      { pollMs: 30, workers: 1 },
      log,
      "poll failed",
    );
    loop.start();
    await sleep(150);
    expect(log.error).toHaveBeenCalledWith(expect.anything(), "poll failed");
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it("drain() runs rounds until one claims nothing", async () => {
    const { w } = work([500, 500, 7]);
    loop = new DueLoop(w, { pollMs: 10_000, workers: 1 }, log, "poll failed");
    expect(await loop.drain()).toBe(1007);
  });
});
