import { type FlowDefinition, type NodeKind, validateFlowDefinition } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { branchLanes } from "./branch-order";
import { addNode, connect, insertOnEdge, newFlow, outgoing, removeNode } from "./flow-edit";
import { DISCOUNT_OVER_20, quoteForm } from "./test-form";

const codes = (flow: FlowDefinition) => {
  const result = validateFlowDefinition(flow, quoteForm());
  return result.ok ? [] : result.issues.map((i) => i.code);
};

/** Gives every condition-less branch lane a condition, as the designer asks the user to. */
function withConditions(flow: FlowDefinition): FlowDefinition {
  const branches = new Set(flow.nodes.filter((n) => n.type === "branch").map((n) => n.id));
  return {
    ...flow,
    edges: flow.edges.map((e) =>
      branches.has(e.source) && !e.default && !e.when ? { ...e, when: DISCOUNT_OVER_20 } : e,
    ),
  };
}

function insert(flow: FlowDefinition, edgeId: string, kind: NodeKind) {
  const result = insertOnEdge(flow, edgeId, kind);
  if (!result) throw new Error(`cannot insert ${kind}`);
  return result;
}

describe("flow editing", () => {
  it("starts with a valid start → approval → end flow", () => {
    expect(codes(newFlow())).toEqual([]);
  });

  it("inserts task nodes on an edge, source → new → target", () => {
    for (const kind of ["approval", "fill", "cc"] as const) {
      const { flow, id } = insert(newFlow(), "e_1", kind);
      expect(codes(flow)).toEqual([]);
      expect(flow.edges.find((e) => e.id === "e_1")?.target).toBe(id);
      expect(outgoing(flow, id).map((e) => e.target)).toEqual(["approval_1"]);
    }
  });

  it("inserts a parallel split with two lanes meeting at a new join", () => {
    const { flow, id } = insert(newFlow(), "e_2", "parallel");
    expect(codes(flow)).toEqual([]);
    expect(outgoing(flow, id)).toHaveLength(2);
    expect(flow.nodes.filter((n) => n.type === "join")).toHaveLength(1);
  });

  it("inserts a branch whose one missing condition is the only issue, on the new lane", () => {
    const { flow, id } = insert(newFlow(), "e_1", "branch");
    const result = validateFlowDefinition(flow, quoteForm());
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(["BRANCH_EDGE_WITHOUT_CONDITION"]);
    const lanes = branchLanes(flow, id);
    expect(lanes.conditions).toHaveLength(1);
    expect(lanes.fallback?.target).toBe("approval_3");
    expect(outgoing(flow, "approval_3").map((e) => e.target)).toEqual(["approval_1"]);
    expect(codes(withConditions(flow))).toEqual([]);
  });

  it("refuses to put start or end on an edge", () => {
    expect(insertOnEdge(newFlow(), "e_1", "start")).toBeUndefined();
    expect(insertOnEdge(newFlow(), "e_1", "end")).toBeUndefined();
  });

  it("removing a pass-through node reconnects its neighbours; the start stays", () => {
    const flow = removeNode(newFlow(), "approval_1");
    expect(flow.nodes.map((n) => n.id)).toEqual(["start", "end"]);
    expect(flow.edges).toEqual([{ id: "e_1", source: "start", target: "end" }]);
    expect(codes(flow)).toEqual([]);
    expect(removeNode(newFlow(), "start")).toEqual(newFlow());
  });

  it("connect refuses self loops, edges into the start, out of an end, duplicates and cycles", () => {
    const flow = newFlow();
    expect(connect(flow, "approval_1", "approval_1")).toEqual({ refused: "self" });
    expect(connect(flow, "approval_1", "start")).toEqual({ refused: "intoStart" });
    expect(connect(flow, "end", "approval_1")).toEqual({ refused: "fromEnd" });
    expect(connect(flow, "start", "approval_1")).toEqual({ refused: "duplicate" });
    const { flow: two } = insert(flow, "e_2", "approval");
    expect(connect(two, "approval_2", "approval_1")).toEqual({ refused: "cycle" });
  });

  it("connecting a one-way node replaces its old edge; a dropped node becomes part of the flow", () => {
    const added = addNode(newFlow(), "cc", { x: 10, y: 20 });
    expect(codes(added.flow)).toContain("UNREACHABLE_NODE");
    const first = connect(added.flow, "approval_1", added.id);
    if ("refused" in first) throw new Error(first.refused);
    const second = connect(first.flow, added.id, "end");
    if ("refused" in second) throw new Error(second.refused);
    expect(outgoing(second.flow, "approval_1").map((e) => e.target)).toEqual([added.id]);
    expect(codes(second.flow)).toEqual([]);
  });

  it("a branch's first drawn edge is its default, later ones are conditions in drawing order", () => {
    let flow = addNode(newFlow(), "branch").flow;
    flow = removeNode(flow, "approval_1");
    const steps: Array<[string, string]> = [
      ["start", "branch_1"],
      ["branch_1", "end"],
    ];
    for (const [s, t] of steps) {
      const r = connect(flow, s, t);
      if ("refused" in r) throw new Error(r.refused);
      flow = r.flow;
    }
    flow = insert(flow, flow.edges.find((e) => e.source === "branch_1")?.id ?? "", "approval").flow;
    for (const kind of ["fill", "cc"] as const) {
      const added = addNode(flow, kind);
      let r = connect(added.flow, "branch_1", added.id);
      if ("refused" in r) throw new Error(r.refused);
      r = connect(r.flow, added.id, "end");
      if ("refused" in r) throw new Error(r.refused);
      flow = r.flow;
    }
    const lanes = branchLanes(flow, "branch_1");
    expect(lanes.fallback?.target).toBe("approval_1");
    expect(lanes.conditions.map((e) => e.target)).toEqual(["fill_1", "cc_1"]);
    expect(codes(withConditions(flow))).toEqual([]);
  });

  it("random inserts and removals keep the graph valid (property)", () => {
    const kinds = fc.constantFrom<NodeKind>("approval", "fill", "cc", "branch", "parallel");
    const op = fc.oneof(fc.record({ insert: kinds, at: fc.nat() }), fc.record({ remove: fc.nat() }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let flow = newFlow();
        for (const step of ops) {
          if ("insert" in step) {
            const edge = flow.edges[step.at % flow.edges.length];
            if (edge) flow = insert(flow, edge.id, step.insert).flow;
          } else {
            const removable = flow.nodes.filter(
              (n) => n.type === "approval" || n.type === "fill" || n.type === "cc",
            );
            const node = removable[step.remove % Math.max(1, removable.length)];
            if (node) flow = removeNode(flow, node.id);
          }
          expect(codes(withConditions(flow))).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
