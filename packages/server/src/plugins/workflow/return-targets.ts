// Where a task may return to, for the action dialog. The engine decides (and refuses anything else with
// RETURN_TARGET_INVALID); this mirrors its rule for display until the engine exports it: the start,
// approval and fill nodes that led to the visit and passed, not inside a parallel block already left,
// each once.
import type { InstanceState, NodeVisit } from "@formwork/engine";

const RETURNABLE = new Set(["start", "approval", "fill"]);

export function returnTargets(state: InstanceState, visitId: string): string[] {
  const byId = new Map(state.visits.map((v) => [v.id, v]));
  const visit = byId.get(visitId);
  if (!visit) return [];
  const seen = new Set<string>();
  const targets: string[] = [];
  const encloses = (v: NodeVisit) => v.scope.every((split, i) => visit.scope[i] === split);
  for (let frontier = visit.from; frontier.length > 0; ) {
    const next: string[] = [];
    for (const id of frontier) {
      const v = byId.get(id);
      if (!v || seen.has(id)) continue;
      seen.add(id);
      next.push(...v.from);
      if (!RETURNABLE.has(v.kind) || v.nodeId === visit.nodeId || v.outcome !== "passed" || !encloses(v))
        continue;
      if (!targets.includes(v.nodeId)) targets.push(v.nodeId);
    }
    frontier = next;
  }
  return targets;
}
