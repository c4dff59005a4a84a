// Auto-layout ("tidy"): dagre's layered layout, top to bottom. dagre is synchronous and ~50 kB, which
// suits a graph of tens of nodes laid out on every click; elkjs is larger and asynchronous for no
// gain at this size.
import dagre from "@dagrejs/dagre";
import type { FlowDefinition, NodeKind } from "@formwork/schema";

/** Card sizes by kind, shared with the node components so the layout leaves room for what is drawn. */
export function nodeSize(kind: NodeKind): { width: number; height: number } {
  switch (kind) {
    case "start":
    case "end":
      return { width: 132, height: 44 };
    case "branch":
    case "parallel":
    case "join":
      return { width: 160, height: 48 };
    default:
      return { width: 232, height: 72 };
  }
}

const round = (n: number) => Math.round(n);

/** Every node positioned by the layered layout (edges in drawing order keep branch lanes in order). */
export function layoutFlow(flow: FlowDefinition): FlowDefinition {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "TB", nodesep: 56, ranksep: 72, marginx: 24, marginy: 24 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) graph.setNode(node.id, nodeSize(node.type));
  for (const edge of flow.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      const laid = graph.node(node.id);
      const { width, height } = nodeSize(node.type);
      return { ...node, position: { x: round(laid.x - width / 2), y: round(laid.y - height / 2) } };
    }),
  };
}

/** The flow as drawn: laid out when any node has no position yet (a flow written by hand or a template). */
export function withPositions(flow: FlowDefinition): FlowDefinition {
  return flow.nodes.every((n) => n.position) ? flow : layoutFlow(flow);
}
