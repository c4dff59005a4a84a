import { describe, expect, it } from "vitest";
import { AGAIN, CallGroups } from "./call-groups";

describe("CallGroups", () => {
  it("sends the calls made while a group is in flight together, one per key, each answered on its own", async () => {
    const groups: string[][] = [];
    const calls = new CallGroups<string, string>(
      async (inputs) => {
        groups.push(inputs);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return inputs.map((input) => input.toUpperCase());
      },
      { concurrent: 1, max: 100, key: (input) => input[0]! },
    );
    const answers = await Promise.all(["a1", "b1", "a2", "c1"].map((input) => calls.call(input)));
    expect(answers).toEqual(["A1", "B1", "A2", "C1"]);
    expect(groups).toEqual([["a1", "b1", "c1"], ["a2"]]);
  });

  it("sends AGAIN's inputs in a later group, and a failed group one call at a time", async () => {
    const groups: string[][] = [];
    let first = true;
    const calls = new CallGroups<string, string>(
      async (inputs) => {
        groups.push(inputs);
        if (first) {
          first = false;
          return inputs.map((input) => (input === "lost" ? "lost a race" : AGAIN));
        }
        if (inputs.includes("bad")) throw new Error("bad input");
        return inputs.map((input) => `ok ${input}`);
      },
      { concurrent: 1, max: 100 },
    );
    const results = await Promise.allSettled(["x", "lost", "bad", "y"].map((input) => calls.call(input)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      "ok x",
      "lost a race",
      "bad input",
      "ok y",
    ]);
    expect(groups).toEqual([["x", "lost", "bad", "y"], ["x", "bad", "y"], ["x"], ["bad"], ["y"]]);
  });
});
