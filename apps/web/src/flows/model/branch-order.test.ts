import type { FlowDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { branchLanes, moveCondition, setDefaultEdge } from "./branch-order";

const when = (n: number) => ({ ">": [{ var: "discount" }, n] });

function flow(): FlowDefinition {
  return {
    nodes: [
      { id: "start", type: "start" },
      { id: "check", type: "branch" },
      { id: "a", type: "approval", assignees: [{ deptHead: 1 }] },
      { id: "b", type: "approval", assignees: [{ deptHead: 2 }] },
      { id: "c", type: "approval", assignees: [{ deptHead: 3 }] },
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e1", source: "start", target: "check" },
      { id: "to_c", source: "check", target: "c", default: true },
      { id: "to_b", source: "check", target: "b", when: when(0.1), order: 5 },
      { id: "to_a", source: "check", target: "a", when: when(0.3), order: 2 },
    ],
  };
}

const order = (f: FlowDefinition) => branchLanes(f, "check").conditions.map((e) => e.id);

describe("branch conditions", () => {
  it("are tried in ascending order, the default last and apart", () => {
    expect(order(flow())).toEqual(["to_a", "to_b"]);
    expect(branchLanes(flow(), "check").fallback?.id).toBe("to_c");
  });

  it("break order ties by drawing order", () => {
    const f = flow();
    f.edges = f.edges.map((e) => (e.order === undefined ? e : { ...e, order: 0 }));
    expect(order(f)).toEqual(["to_b", "to_a"]);
  });

  it("move up and down, renumbered densely from 0", () => {
    const moved = moveCondition(flow(), "to_b", -1);
    expect(order(moved)).toEqual(["to_b", "to_a"]);
    expect(moved.edges.find((e) => e.id === "to_b")?.order).toBe(0);
    expect(moved.edges.find((e) => e.id === "to_a")?.order).toBe(1);
    expect(moveCondition(moved, "to_b", -1)).toBe(moved);
    expect(order(moveCondition(moved, "to_b", 5))).toEqual(["to_a", "to_b"]);
    expect(moveCondition(flow(), "to_c", 1)).toEqual(flow());
  });

  it("keep exactly one default: the new default drops its condition, the old one becomes the last condition", () => {
    const next = setDefaultEdge(flow(), "to_a");
    const lanes = branchLanes(next, "check");
    expect(lanes.fallback?.id).toBe("to_a");
    expect(lanes.fallback?.when).toBeUndefined();
    expect(lanes.conditions.map((e) => e.id)).toEqual(["to_b", "to_c"]);
    expect(next.edges.filter((e) => e.source === "check" && e.default)).toHaveLength(1);
    expect(setDefaultEdge(next, "to_a")).toBe(next);
  });
});
