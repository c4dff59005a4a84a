// Editing a flow graph: pure functions from one FlowDefinition to the next, so the designer's
// undo/redo and autosave see one JSON value. Every edit keeps the graph as valid as it was: inserting
// on an edge or removing a pass-through node reconnects the neighbours instead of leaving dangling
// paths; what cannot be made valid automatically is left for validateFlowDefinition to point at.
import type { FlowDefinition, FlowEdge, FlowNode, NodeKind } from "@formwork/schema";
import { nextFieldId } from "../../designer/state/field-ids";
import { kindDef } from "../nodes/kinds";

type Patch = { [key: string]: unknown };

function applyPatch<T extends object>(target: T, patch: Patch): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

export const nodeById = (flow: FlowDefinition, id: string) => flow.nodes.find((n) => n.id === id);
export const outgoing = (flow: FlowDefinition, id: string) => flow.edges.filter((e) => e.source === id);
export const incoming = (flow: FlowDefinition, id: string) => flow.edges.filter((e) => e.target === id);

function newNode(flow: FlowDefinition, kind: NodeKind, taken: string[] = []): FlowNode {
  return kindDef(kind).create(nextFieldId(kind, [...flow.nodes.map((n) => n.id), ...taken])) as FlowNode;
}

function edge(flow: FlowDefinition, source: string, target: string, taken: string[] = []): FlowEdge {
  return { id: nextFieldId("e", [...flow.edges.map((e) => e.id), ...taken]), source, target };
}

/** The smallest useful flow: start → one approval → end. */
export function newFlow(): FlowDefinition {
  return {
    nodes: [
      { id: "start", type: "start" },
      kindDef("approval").create("approval_1"),
      { id: "end", type: "end" },
    ],
    edges: [
      { id: "e_1", source: "start", target: "approval_1" },
      { id: "e_2", source: "approval_1", target: "end" },
    ],
  };
}

/** A node of `kind` on its own (dropped from the palette), to be connected by dragging. */
export function addNode(
  flow: FlowDefinition,
  kind: NodeKind,
  position?: { x: number; y: number },
): { flow: FlowDefinition; id: string } {
  const node = newNode(flow, kind);
  if (position) node.position = position;
  return { flow: { ...flow, nodes: [...flow.nodes, node] }, id: node.id };
}

/**
 * A node of `kind` placed on an edge: source → new → target. A branch gets a conditional lane and a
 * default lane, an approval on each; a parallel split gets two approval lanes meeting at a new join. Returns the id of the inserted node, or undefined when `kind` cannot sit
 * on an edge (start, end).
 */
export function insertOnEdge(
  flow: FlowDefinition,
  edgeId: string,
  kind: NodeKind,
): { flow: FlowDefinition; id: string } | undefined {
  const at = flow.edges.find((e) => e.id === edgeId);
  if (!at || kind === "start" || kind === "end") return undefined;
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const add = (k: NodeKind) => {
    const node = newNode(
      flow,
      k,
      nodes.map((n) => n.id),
    );
    nodes.push(node);
    return node.id;
  };
  const link = (source: string, target: string, extra: Partial<FlowEdge> = {}) => {
    const created = {
      ...edge(
        flow,
        source,
        target,
        edges.map((e) => e.id),
      ),
      ...extra,
    };
    edges.push(created);
    return created;
  };
  const id = add(kind);
  if (kind === "branch") {
    // Two lanes with an approval each, as "over the limit → director, else → manager" reads; a lane
    // that should skip straight on loses its node with one delete.
    const lane = add("approval");
    const fallback = add("approval");
    link(id, lane, { order: 0 });
    link(lane, at.target);
    link(id, fallback, { default: true });
    link(fallback, at.target);
  } else if (kind === "parallel") {
    const join = add("join");
    for (let i = 0; i < 2; i++) {
      const lane = add("approval");
      link(id, lane);
      link(lane, join);
    }
    link(join, at.target);
  } else {
    link(id, at.target);
  }
  return {
    id,
    flow: {
      nodes: [...flow.nodes, ...nodes],
      edges: [...flow.edges.map((e) => (e.id === edgeId ? { ...e, target: id } : e)), ...edges],
    },
  };
}

/**
 * Removes a node. A node with one way out (approval, fill, CC, join) hands its incoming edges on to
 * its successor, so the flow stays connected; other nodes take their edges with them. The start
 * cannot be removed: a flow always has one.
 */
export function removeNode(flow: FlowDefinition, id: string): FlowDefinition {
  const node = nodeById(flow, id);
  if (!node || node.type === "start") return flow;
  const out = outgoing(flow, id);
  const next = out.length === 1 && kindDef(node.type).outgoing === "one" ? out[0] : undefined;
  const edges = flow.edges
    .filter((e) => e.source !== id && (next !== undefined || e.target !== id))
    .map((e) => (next && e.target === id ? { ...e, target: next.target } : e));
  return { nodes: flow.nodes.filter((n) => n.id !== id), edges };
}

export type ConnectRefusal = "self" | "intoStart" | "fromEnd" | "duplicate" | "cycle" | "unknown";

function reaches(flow: FlowDefinition, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of outgoing(flow, id)) stack.push(e.target);
  }
  return false;
}

/**
 * An edge from `source` to `target`, or why not. Returns go back at run time, so an edge that
 * closes a cycle is refused. A node with one way out has its old edge replaced; a branch's new edge
 * becomes its default when it has none, else the last condition.
 */
export function connect(
  flow: FlowDefinition,
  source: string,
  target: string,
): { flow: FlowDefinition; id: string } | { refused: ConnectRefusal } {
  const from = nodeById(flow, source);
  const to = nodeById(flow, target);
  if (!from || !to) return { refused: "unknown" };
  if (source === target) return { refused: "self" };
  if (!kindDef(to.type).incoming) return { refused: "intoStart" };
  const outs = kindDef(from.type).outgoing;
  if (outs === "none") return { refused: "fromEnd" };
  if (flow.edges.some((e) => e.source === source && e.target === target)) return { refused: "duplicate" };
  if (reaches(flow, target, source)) return { refused: "cycle" };
  let edges = flow.edges;
  const created = edge(flow, source, target);
  if (outs === "one") edges = edges.filter((e) => e.source !== source);
  if (from.type === "branch") {
    const siblings = outgoing(flow, source);
    if (!siblings.some((e) => e.default)) created.default = true;
    else created.order = Math.max(-1, ...siblings.map((e) => e.order ?? 0)) + 1;
  }
  return { flow: { ...flow, edges: [...edges, created] }, id: created.id };
}

export function removeEdge(flow: FlowDefinition, id: string): FlowDefinition {
  return { ...flow, edges: flow.edges.filter((e) => e.id !== id) };
}

/** Keys whose value is `undefined` are removed. */
export function updateNode(flow: FlowDefinition, id: string, patch: Patch): FlowDefinition {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? applyPatch(n, patch) : n)) };
}

export function updateEdge(flow: FlowDefinition, id: string, patch: Patch): FlowDefinition {
  return { ...flow, edges: flow.edges.map((e) => (e.id === id ? applyPatch(e, patch) : e)) };
}
