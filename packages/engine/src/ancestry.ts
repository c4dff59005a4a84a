import type { InstanceState, NodeVisit } from "./model";

/** Every visit that led to `visit`, nearest first (breadth-first over `from`). */
export function ancestors(state: InstanceState, visit: NodeVisit): NodeVisit[] {
  const byId = new Map(state.visits.map((v) => [v.id, v]));
  const seen = new Set<string>();
  const order: NodeVisit[] = [];
  let frontier = visit.from;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const v = byId.get(id);
      if (!v || seen.has(id)) continue;
      seen.add(id);
      order.push(v);
      next.push(...v.from);
    }
    frontier = next;
  }
  return order;
}

/** The nearest ancestors satisfying `match` on each path (the search stops at a match). */
export function nearestAncestors(
  state: InstanceState,
  visit: NodeVisit,
  match: (v: NodeVisit) => boolean,
): NodeVisit[] {
  const byId = new Map(state.visits.map((v) => [v.id, v]));
  const seen = new Set<string>();
  const found: NodeVisit[] = [];
  const work = [...visit.from];
  while (work.length > 0) {
    const id = work.shift()!;
    const v = byId.get(id);
    if (!v || seen.has(id)) continue;
    seen.add(id);
    if (match(v)) found.push(v);
    else work.push(...v.from);
  }
  return found;
}

/** Does `visit` descend from the visit `ancestorId` (or is it that visit)? */
export function descendsFrom(state: InstanceState, visit: NodeVisit, ancestorId: string): boolean {
  return visit.id === ancestorId || ancestors(state, visit).some((v) => v.id === ancestorId);
}

/** Is `outer` a prefix of `inner`: a visit in scope `outer` encloses (or shares) scope `inner`. */
export function scopeEncloses(outer: readonly string[], inner: readonly string[]): boolean {
  return outer.length <= inner.length && outer.every((id, i) => inner[i] === id);
}
