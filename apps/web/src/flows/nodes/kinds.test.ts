import { NODE_KINDS, validateFlowDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { quoteForm } from "../model/test-form";
import { NODE_KIND_DEFS } from "./kinds";

// Issues about how an unconnected node sits in the graph, not about the node itself.
const GRAPH_CODES = new Set([
  "UNREACHABLE_NODE",
  "DEAD_END_NODE",
  "NO_END",
  "SPLIT_TOO_FEW_EDGES",
  "NODE_OUTGOING_COUNT",
  "PARALLEL_WITHOUT_JOIN",
  "JOIN_WITHOUT_SPLIT",
]);

// The contract every node kind's data half passes.
describe.each(NODE_KINDS)("node kind %s", (kind) => {
  const def = NODE_KIND_DEFS[kind];

  it("is registered under its own name and creates nodes of its kind", () => {
    expect(def.kind).toBe(kind);
    expect(def.create("n_1")).toMatchObject({ id: "n_1", type: kind });
  });

  it("creates a node the flow schema and validator accept in a minimal flow", () => {
    const node = def.create("n_1");
    const nodes =
      kind === "start"
        ? [node, { id: "end", type: "end" as const }]
        : [{ id: "start", type: "start" as const }, node];
    const flow = { nodes, edges: [] };
    const result = validateFlowDefinition(flow, quoteForm());
    const codes = result.ok ? [] : result.issues.map((i) => i.code);
    // Unconnected nodes are unreachable or dead ends; nothing about the node's own settings is wrong.
    expect(codes.filter((c) => !GRAPH_CODES.has(c))).toEqual([]);
  });

  it("agrees with the graph rules on edges", () => {
    expect(def.incoming).toBe(kind !== "start");
    expect(def.outgoing).toBe(
      kind === "end" ? "none" : kind === "branch" || kind === "parallel" ? "many" : "one",
    );
  });
});
