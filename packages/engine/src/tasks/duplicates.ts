import { nearestAncestors } from "../ancestry";
import type { NodeVisit } from "../model";
import type { Run } from "../run";

/**
 * People who approved the approval node just before this one, when this node auto-passes consecutive
 * duplicate approvers (`autoPassDuplicate`). An auto-pass there counts too, so a run of three nodes with
 * the same approver asks them once.
 */
export function previousApprovers(run: Run, visit: NodeVisit): ReadonlySet<string> {
  const node = run.graph.node(visit.nodeId);
  if (node.type !== "approval" || !node.autoPassDuplicate) return new Set();
  const previous = nearestAncestors(run.state, visit, (v) => v.kind === "approval" && v.outcome === "passed");
  const ids = new Set(previous.map((v) => v.id));
  return new Set(
    run.state.tasks
      .filter(
        (t) =>
          ids.has(t.visitId) && t.status === "done" && (t.action === "approve" || t.action === "autoPass"),
      )
      .map((t) => t.assignee),
  );
}
