import { describe, expect, it } from "vitest";
import { flow, quoteFormDefinition } from "./test-support/flows";
import { issuePairs } from "./test-support/issues";
import { validateFlowDefinition } from "./validate-flow";

const validate = (f: unknown) => issuePairs(validateFlowDefinition(f, quoteFormDefinition()));

describe("parallel splits and joins", () => {
  it("accepts a split whose lanes meet at one join", () => {
    const f = flow(
      ["start", "p:parallel", "a:approval", "b:fill", "j:join", "end"],
      ["start>p", "p>a", "p>b", "a>j", "b>j", "j>end"],
    );
    expect(validate(f)).toEqual([]);
  });

  it("accepts properly nested splits and a branch inside a lane", () => {
    const f = flow(
      [
        "start",
        "p:parallel",
        "q:parallel",
        "a:approval",
        "b:approval",
        "k:join",
        "c:branch",
        "c1:approval",
        "c2:approval",
        "j:join",
        "end",
      ],
      ["start>p", "p>q", "q>a", "q>b", "a>k", "b>k", "k>j", "p>c", "c>c1", "c>c2", "c1>j", "c2>j", "j>end"],
      { edges: { e9: { default: true }, e10: { when: { var: "discount" } } } },
    );
    expect(validate(f)).toEqual([]);
  });

  it("rejects a lane that reaches an end before a join", () => {
    const f = flow(["start", "p:parallel", "a:approval", "end"], ["start>p", "p>a", "p>end", "a>end"]);
    expect(validate(f)).toEqual([["PARALLEL_WITHOUT_JOIN", "/nodes/1"]]);
  });

  it("rejects lanes meeting at different joins", () => {
    const f = flow(
      ["start", "p:parallel", "a:approval", "b:approval", "j1:join", "j2:join", "end"],
      ["start>p", "p>a", "p>b", "a>j1", "b>j2", "j1>end", "j2>end"],
    );
    expect(validate(f)).toEqual([["PARALLEL_NOT_NESTED", "/nodes/1"]]);
  });

  it("rejects a join fed from outside its split", () => {
    const f = flow(
      ["start", "c:branch", "p:parallel", "a:approval", "b:approval", "j:join", "end"],
      ["start>c", "c>p", "c>j", "p>a", "p>b", "a>j", "b>j", "j>end"],
      { edges: { e2: { default: true }, e3: { when: true } } },
    );
    expect(validate(f)).toEqual([["JOIN_WITHOUT_SPLIT", "/edges/2"]]);
  });

  it("rejects an edge entering a lane from outside", () => {
    const f = flow(
      ["start", "c:branch", "x:approval", "p:parallel", "a:approval", "b:approval", "j:join", "end"],
      ["start>c", "c>p", "c>x", "x>a", "p>a", "p>b", "a>j", "b>j", "j>end"],
      { edges: { e2: { default: true }, e3: { when: true } } },
    );
    expect(validate(f)).toEqual([["PARALLEL_NOT_NESTED", "/edges/3"]]);
  });

  it("rejects lanes that meet at a task before their join", () => {
    const f = flow(
      ["start", "p:parallel", "a:approval", "b:approval", "m:approval", "n:approval", "j:join", "end"],
      ["start>p", "p>a", "p>b", "a>m", "b>m", "m>n", "n>j", "j>end"],
    );
    expect(validate(f)).toEqual([["PARALLEL_NOT_NESTED", "/nodes/4"]]);
  });

  it("accepts branch lanes merging inside one parallel lane", () => {
    const f = flow(
      [
        "start",
        "p:parallel",
        "c:branch",
        "x:approval",
        "y:approval",
        "m:approval",
        "b:approval",
        "j:join",
        "end",
      ],
      ["start>p", "p>c", "c>x", "c>y", "x>m", "y>m", "m>j", "p>b", "b>j", "j>end"],
      { edges: { e3: { default: true }, e4: { when: true } } },
    );
    expect(validate(f)).toEqual([]);
  });

  it("rejects a join without any split, and a join closing two splits", () => {
    const lone = flow(["start", "j:join", "end"], ["start>j", "j>end"]);
    expect(validate(lone)).toEqual([["JOIN_WITHOUT_SPLIT", "/nodes/1"]]);
    const shared = flow(
      ["start", "p:parallel", "q:parallel", "a:approval", "b:approval", "j:join", "end"],
      ["start>p", "p>q", "p>a", "q>b", "q>j", "a>j", "b>j", "j>end"],
    );
    expect(validate(shared)).toEqual([
      ["PARALLEL_WITHOUT_JOIN", "/nodes/1"],
      ["JOIN_WITHOUT_SPLIT", "/nodes/5"],
    ]);
  });
});
