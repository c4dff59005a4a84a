import { describe, expect, it } from "vitest";
import { flow, quoteFormDefinition } from "./test-support/flows";
import { issuePairs } from "./test-support/issues";
import { validateFlowDefinition } from "./validate-flow";

const validate = (f: unknown) => issuePairs(validateFlowDefinition(f, quoteFormDefinition()));

describe("flow graph rules", () => {
  it("accepts a straight approval flow", () => {
    expect(validate(flow(["start", "a:approval", "end"], ["start>a", "a>end"]))).toEqual([]);
  });

  it("rejects duplicate node and edge ids", () => {
    const f = flow(["start", "a:approval", "a:fill", "end"], ["start>a", "a>end"]);
    f.edges[1]!.id = "e1";
    expect(validate(f)).toEqual([
      ["DUPLICATE_NODE_ID", "/nodes/2/id"],
      ["DUPLICATE_EDGE_ID", "/edges/1/id"],
    ]);
  });

  it("rejects edges to nodes that do not exist", () => {
    expect(validate(flow(["start", "end"], ["start>end", "start>ghost"]))).toEqual([
      ["EDGE_UNKNOWN_NODE", "/edges/1/target"],
    ]);
  });

  it("needs exactly one start", () => {
    expect(validate(flow(["a:approval", "end"], ["a>end"]))).toEqual([["START_COUNT", "/nodes"]]);
    expect(validate(flow(["start", "s2:start", "end"], ["start>end", "s2>end"]))).toEqual([
      ["START_COUNT", "/nodes/1/type"],
      ["UNREACHABLE_NODE", "/nodes/1"],
    ]);
  });

  it("rejects an edge into the start", () => {
    const f = flow(["start", "b:branch", "end"], ["start>b", "b>end", "b>start"], {
      edges: { e2: { default: true }, e3: { when: true } },
    });
    expect(validate(f)).toContainEqual(["START_HAS_INCOMING", "/edges/2/target"]);
  });

  it("needs an end, and no edge may leave one", () => {
    expect(validate(flow(["start", "a:approval"], ["start>a"]))).toEqual([
      ["NO_END", "/nodes"],
      ["NODE_OUTGOING_COUNT", "/nodes/1"],
    ]);
    expect(
      validate(flow(["start", "end", "a:approval", "end2:end"], ["start>end", "end>a", "a>end2"])),
    ).toEqual([["END_HAS_OUTGOING", "/edges/1/source"]]);
  });

  it("rejects unreachable nodes and nodes that cannot reach an end", () => {
    const f = flow(["start", "a:approval", "lost:approval", "end"], ["start>end", "lost>end"]);
    expect(validate(f)).toEqual([
      ["NODE_OUTGOING_COUNT", "/nodes/1"],
      ["UNREACHABLE_NODE", "/nodes/1"],
      ["DEAD_END_NODE", "/nodes/1"],
      ["UNREACHABLE_NODE", "/nodes/2"],
    ]);
  });

  it("rejects a back-edge as a cycle, naming it", () => {
    const f = flow(["start", "a:approval", "b:branch", "end"], ["start>a", "a>b", "b>end", "b>a"], {
      edges: { e3: { default: true }, e4: { when: { var: "discount" } } },
    });
    const result = validateFlowDefinition(f, quoteFormDefinition());
    expect(issuePairs(result)).toEqual([["FLOW_CYCLE", "/edges/3"]]);
    expect(result.ok ? "" : result.issues[0]?.message).toContain("a → b → a");
  });

  it("branch: at least two edges, exactly one default, conditions on the others", () => {
    const one = flow(["start", "b:branch", "end"], ["start>b", "b>end"], {
      edges: { e2: { default: true } },
    });
    expect(validate(one)).toEqual([["SPLIT_TOO_FEW_EDGES", "/nodes/1"]]);
    const base = ["start", "b:branch", "x:approval", "y:approval", "end"];
    const edges = ["start>b", "b>x", "b>y", "x>end", "y>end"];
    expect(validate(flow(base, edges, { edges: { e2: { when: true }, e3: { when: false } } }))).toEqual([
      ["BRANCH_DEFAULT_COUNT", "/nodes/1"],
    ]);
    expect(validate(flow(base, edges, { edges: { e2: { default: true }, e3: { default: true } } }))).toEqual([
      ["BRANCH_DEFAULT_COUNT", "/edges/2/default"],
    ]);
    expect(validate(flow(base, edges, { edges: { e2: { default: true } } }))).toEqual([
      ["BRANCH_EDGE_WITHOUT_CONDITION", "/edges/2"],
    ]);
  });

  it("rejects conditions on edges that do not leave a branch", () => {
    const f = flow(["start", "a:approval", "end"], ["start>a", "a>end"], {
      edges: { e1: { default: true }, e2: { when: true } },
    });
    expect(validate(f)).toEqual([
      ["CONDITION_OUTSIDE_BRANCH", "/edges/0/default"],
      ["CONDITION_OUTSIDE_BRANCH", "/edges/1/when"],
    ]);
  });

  it("other nodes have exactly one outgoing edge", () => {
    const f = flow(["start", "a:approval", "b:approval", "end"], ["start>a", "start>b", "a>end", "b>end"]);
    expect(validate(f)).toEqual([["NODE_OUTGOING_COUNT", "/nodes/0"]]);
  });
});
