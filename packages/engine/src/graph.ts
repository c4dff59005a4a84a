import type { FlowEdge, FlowNode } from "@formwork/schema";
import { refuse } from "./errors";
import type { EngineFlow } from "./model";

/** A flow version indexed for the interpreter: nodes by id, outgoing edges in branch-evaluation order. */
export interface FlowGraph {
  flow: EngineFlow;
  start: FlowNode;
  node(id: string): FlowNode;
  has(id: string): boolean;
  outgoing(id: string): FlowEdge[];
}

const graphs = new WeakMap<EngineFlow, FlowGraph>();

/** Conditions are tried by ascending `order`; edges without one keep their drawing order after those with one. */
function byOrder(edges: FlowEdge[]): FlowEdge[] {
  return edges
    .map((edge, index) => ({ edge, index }))
    .sort(
      (a, b) =>
        (a.edge.order ?? Number.MAX_SAFE_INTEGER) - (b.edge.order ?? Number.MAX_SAFE_INTEGER) ||
        a.index - b.index,
    )
    .map(({ edge }) => edge);
}

/** Published versions are immutable, so each is indexed once per process. */
export function graphOf(flow: EngineFlow): FlowGraph {
  const known = graphs.get(flow);
  if (known) return known;
  const nodes = new Map(flow.definition.nodes.map((node) => [node.id, node]));
  const out = new Map<string, FlowEdge[]>();
  for (const edge of flow.definition.edges) out.set(edge.source, [...(out.get(edge.source) ?? []), edge]);
  for (const [id, edges] of out) out.set(id, byOrder(edges));
  const start = flow.definition.nodes.find((node) => node.type === "start");
  if (!start) return refuse("INVALID_FLOW", "the flow has no start node", "/nodes");
  const graph: FlowGraph = {
    flow,
    start,
    has: (id) => nodes.has(id),
    node: (id) => nodes.get(id) ?? refuse("INVALID_FLOW", `the flow has no node "${id}"`, "/nodes"),
    outgoing: (id) => out.get(id) ?? [],
  };
  graphs.set(flow, graph);
  return graph;
}
