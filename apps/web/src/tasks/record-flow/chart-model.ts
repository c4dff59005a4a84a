// The record's flow as the read-only chart draws it: the pinned version's graph with each node's state,
// and the edges the instance went along.
import type { FlowDefinition, FlowNode, NodeKind } from "@formwork/schema";
import { NODE_KINDS } from "@formwork/schema";
import type { NodeStatus } from "../../flows/canvas/canvas-types";
import { withPositions } from "../../flows/model/layout";
import type { RecordFlow } from "../api";

const isKind = (type: string): type is NodeKind => (NODE_KINDS as readonly string[]).includes(type);

export interface ChartModel {
  flow: FlowDefinition;
  status: Map<string, NodeStatus>;
  traversed: Set<string>;
}

export function chartModel(chart: RecordFlow["chart"]): ChartModel {
  const status = new Map<string, NodeStatus>();
  const nodes = chart.nodes
    .filter((n) => isKind(n.type))
    .map((n) => {
      status.set(n.id, n.outcome === "rejected" ? "rejected" : n.state === "skipped" ? "pending" : n.state);
      // Settings are not part of the chart; the card only needs the kind, the name and the place.
      return {
        id: n.id,
        type: n.type,
        name: n.name,
        ...(n.position ? { position: n.position } : {}),
      } as FlowNode;
    });
  const reached = (id: string) =>
    status.get(id) === "done" || status.get(id) === "current" || status.get(id) === "rejected";
  const traversed = new Set(
    chart.edges.filter((e) => status.get(e.source) === "done" && reached(e.target)).map((e) => e.id),
  );
  return { flow: withPositions({ nodes, edges: chart.edges }), status, traversed };
}
