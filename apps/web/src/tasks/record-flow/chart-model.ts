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
        // The server names an unnamed node by its id; the card then shows the kind's name instead.
        ...(n.name !== n.id ? { name: n.name } : {}),
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

const DECISIONS = new Set(["approve", "submit", "reject", "return", "transfer", "start"]);

/**
 * One line per node for the chart's cards: who is handling it now, else who decided there last (and
 * how). `decided` and `handling` turn the pieces into text in the UI language.
 */
export function nodeSummaries(
  flow: RecordFlow | undefined,
  decided: (action: string, name: string) => string,
  handling: (names: string[]) => string,
): Map<string, string> {
  const map = new Map<string, string>();
  if (!flow) return map;
  for (const entry of flow.log) {
    if (entry.nodeId && entry.actor && DECISIONS.has(entry.action)) {
      map.set(entry.nodeId, decided(entry.action, entry.actor.name));
    }
  }
  const waiting = new Map<string, string[]>();
  for (const task of flow.current)
    waiting.set(task.nodeId, [...(waiting.get(task.nodeId) ?? []), task.assignee.name]);
  for (const [nodeId, names] of waiting) map.set(nodeId, handling(names));
  return map;
}
