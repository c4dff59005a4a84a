import { pointer } from "../errors";
import { asArray, prop, stringProp } from "./tolerant";

export interface NodeInfo {
  id: string;
  kind: string | undefined;
  path: string;
  raw: unknown;
}

export interface EdgeInfo {
  id: string | undefined;
  source: string | undefined;
  target: string | undefined;
  path: string;
  raw: unknown;
}

/** The graph of a flow as far as it can be read: nodes by id (first wins), edges, and adjacency over edges between existing nodes. */
export interface FlowGraph {
  nodes: NodeInfo[];
  byId: Map<string, NodeInfo>;
  edges: EdgeInfo[];
  outgoing: Map<string, EdgeInfo[]>;
  incoming: Map<string, EdgeInfo[]>;
}

export function readFlow(flow: unknown, basePath: string): FlowGraph {
  const graph: FlowGraph = {
    nodes: [],
    byId: new Map(),
    edges: [],
    outgoing: new Map(),
    incoming: new Map(),
  };
  asArray(prop(flow, "nodes")).forEach((raw, i) => {
    const id = stringProp(raw, "id");
    if (id === undefined) return;
    const node: NodeInfo = {
      id,
      kind: stringProp(raw, "type"),
      path: `${basePath}${pointer("nodes", i)}`,
      raw,
    };
    graph.nodes.push(node);
    if (!graph.byId.has(id)) {
      graph.byId.set(id, node);
      graph.outgoing.set(id, []);
      graph.incoming.set(id, []);
    }
  });
  asArray(prop(flow, "edges")).forEach((raw, i) => {
    const edge: EdgeInfo = {
      id: stringProp(raw, "id"),
      source: stringProp(raw, "source"),
      target: stringProp(raw, "target"),
      path: `${basePath}${pointer("edges", i)}`,
      raw,
    };
    graph.edges.push(edge);
    if (edge.source === undefined || edge.target === undefined) return;
    const out = graph.outgoing.get(edge.source);
    const into = graph.incoming.get(edge.target);
    if (out && into) {
      out.push(edge);
      into.push(edge);
    }
  });
  return graph;
}

export const outgoingOf = (graph: FlowGraph, id: string): EdgeInfo[] => graph.outgoing.get(id) ?? [];
export const incomingOf = (graph: FlowGraph, id: string): EdgeInfo[] => graph.incoming.get(id) ?? [];
