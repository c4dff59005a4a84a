import { ancestors, descendsFrom, scopeEncloses } from "../ancestry";
import type { InstanceState, NodeVisit } from "../model";
import type { Run } from "../run";

const RETURNABLE = new Set(["start", "approval", "fill"]);

/**
 * The nodes `visit` may return to: the start, approval and fill nodes on the path that led to it, each
 * at its latest visit there. A node inside a parallel block the path has already left is excluded: its
 * join has closed, so re-running one lane alone would have nothing to join with.
 */
export function returnTargets(state: InstanceState, visit: NodeVisit): Map<string, NodeVisit> {
  const targets = new Map<string, NodeVisit>();
  for (const v of ancestors(state, visit)) {
    if (!RETURNABLE.has(v.kind) || v.nodeId === visit.nodeId || v.outcome !== "passed") continue;
    if (!scopeEncloses(v.scope, visit.scope)) continue;
    const known = targets.get(v.nodeId);
    if (!known || state.visits.indexOf(v) > state.visits.indexOf(known)) targets.set(v.nodeId, v);
  }
  return targets;
}

/** The node ids a task of visit `visitId` may return to, nearest first: what the action dialog offers. */
export function returnTargetsOf(state: InstanceState, visitId: string): string[] {
  const visit = state.visits.find((v) => v.id === visitId);
  if (visit?.status !== "active") return [];
  const targets = returnTargets(state, visit);
  const order = ancestors(state, visit);
  return [...targets.values()].sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((v) => v.nodeId);
}

/**
 * Send the flow back to `target`'s node: the returning visit and everything still running that came
 * after the target (other parallel lanes included, when the target lies before their split) is
 * cancelled, and the target's node runs again as a new visit, with the same predecessors as before.
 * Every node after it then runs again too (re-approval from the target onwards).
 */
export function returnTo(run: Run, from: NodeVisit, target: NodeVisit): void {
  run.closeVisit(from, "returned");
  for (const v of run.activeVisits())
    if (descendsFrom(run.state, v, target.id)) run.closeVisit(v, "cancelled");
  run.arrivals.push({
    nodeId: target.nodeId,
    from: [...target.from],
    scope: [...target.scope],
    reason: "return",
  });
}
