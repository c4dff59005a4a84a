// A branch's outgoing edges as the engine tries them: conditions in ascending `order` (ties in
// drawing order), then the one default. Reordering renumbers 0..n-1 so orders stay dense and unique.
import type { FlowDefinition, FlowEdge } from "@formwork/schema";

export interface BranchLanes {
  conditions: FlowEdge[];
  fallback: FlowEdge | undefined;
}

export function branchLanes(flow: FlowDefinition, branchId: string): BranchLanes {
  const out = flow.edges
    .map((edge, index) => ({ edge, index }))
    .filter(({ edge }) => edge.source === branchId);
  const conditions = out
    .filter(({ edge }) => !edge.default)
    .sort((a, b) => (a.edge.order ?? 0) - (b.edge.order ?? 0) || a.index - b.index)
    .map(({ edge }) => edge);
  return { conditions, fallback: out.find(({ edge }) => edge.default)?.edge };
}

function withOrders(flow: FlowDefinition, ordered: FlowEdge[]): FlowDefinition {
  const rank = new Map(ordered.map((e, i) => [e.id, i]));
  return {
    ...flow,
    edges: flow.edges.map((e) => {
      const order = rank.get(e.id);
      return order === undefined || e.order === order ? e : { ...e, order };
    }),
  };
}

/** Moves a condition `delta` places earlier (negative) or later (positive) among its branch's conditions. */
export function moveCondition(flow: FlowDefinition, edgeId: string, delta: number): FlowDefinition {
  const edge = flow.edges.find((e) => e.id === edgeId);
  if (!edge || edge.default) return flow;
  const list = [...branchLanes(flow, edge.source).conditions];
  const from = list.findIndex((e) => e.id === edgeId);
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  if (from === to) return flow;
  list.splice(to, 0, ...list.splice(from, 1));
  return withOrders(flow, list);
}

/**
 * Makes `edgeId` its branch's one default (its condition goes: a default is taken when nothing else
 * holds). The previous default becomes the last condition, to be given one.
 */
export function setDefaultEdge(flow: FlowDefinition, edgeId: string): FlowDefinition {
  const edge = flow.edges.find((e) => e.id === edgeId);
  if (!edge || edge.default) return flow;
  const { conditions } = branchLanes(flow, edge.source);
  const rest = conditions.filter((e) => e.id !== edgeId);
  const previous = flow.edges.find((e) => e.source === edge.source && e.default);
  const next: FlowDefinition = {
    ...flow,
    edges: flow.edges.map((e) => {
      if (e.id === edgeId) {
        const { when: _when, order: _order, ...plain } = e;
        return { ...plain, default: true };
      }
      if (e.source === edge.source && e.default) {
        const { default: _default, ...plain } = e;
        return plain;
      }
      return e;
    }),
  };
  const ordered = previous ? [...rest, previous] : rest;
  return withOrders(
    next,
    ordered.map((e) => next.edges.find((n) => n.id === e.id) as FlowEdge),
  );
}
