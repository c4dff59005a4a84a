import { describe, expect, it } from "vitest";
import { runSequentially } from "./bulk";

describe("runSequentially", () => {
  it("runs one at a time, keeps going past failures and reports them", async () => {
    let running = 0;
    const progress: number[] = [];
    const outcome = await runSequentially(
      [1, 2, 3, 4],
      async (n) => {
        running += 1;
        expect(running).toBe(1);
        await Promise.resolve();
        running -= 1;
        if (n % 2 === 0) throw new Error(`bad ${n}`);
      },
      (done) => progress.push(done),
    );
    expect(outcome.succeeded).toEqual([1, 3]);
    expect(outcome.failed.map((f) => [f.item, (f.error as Error).message])).toEqual([
      [2, "bad 2"],
      [4, "bad 4"],
    ]);
    expect(progress).toEqual([1, 2, 3, 4]);
  });
});
