import { describe, expect, it } from "vitest";
import { Mutex } from "./mutex";

describe("Mutex", () => {
  it("lets one holder in at a time, in arrival order", async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const task = async (name: string, delay: number) => {
      const release = await mutex.acquire();
      log.push(`${name}+`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      log.push(`${name}-`);
      release();
    };
    await Promise.all([task("a", 10), task("b", 1), task("c", 5)]);
    expect(log).toEqual(["a+", "a-", "b+", "b-", "c+", "c-"]);
  });
});
