import type { FlowNodeOf } from "@formwork/schema";
import { resolveAssignees } from "../assignees";
import { scheduleDeadline } from "../deadlines/timers";
import type { Lane, NodeVisit } from "../model";
import { type Arrival, type Run, SYSTEM } from "../run";
import { openLaneHead, ruleLanes, settle } from "./lanes";

/** Add lanes to a task node's visit, give each its first task, and see whether the node is already decided. */
export function startLanes(run: Run, visit: NodeVisit, lanes: Lane[]): void {
  visit.lanes = [...(visit.lanes ?? []), ...lanes];
  for (const lane of lanes) openLaneHead(run, visit, lane);
  settle(run, visit, SYSTEM);
}

/**
 * Approval and fill nodes: resolve the assignees into lanes. Nobody resolves → the configured fallback:
 * `autoPass` passes the node, otherwise (the default) any one of the admins gets it; with no admin
 * either, the node passes so that the instance never waits on nobody.
 */
export async function enterTaskNode(
  run: Run,
  node: FlowNodeOf<"approval" | "fill">,
  arrival: Arrival,
): Promise<void> {
  const mode = node.mode ?? "any";
  const visit = run.openVisit(node.id, arrival.from, arrival.scope, {
    mode,
    ...(mode === "ratio" ? { ratio: Math.min(1, Math.max(Number.EPSILON, node.ratio ?? 1)) } : {}),
  });
  const groups = await resolveAssignees(run, node.assignees);
  if (groups.length === 0 && node.whenEmpty !== "autoPass") {
    const admins = await run.ports.directory.admins();
    if (admins.length > 0) {
      visit.mode = "any";
      delete visit.ratio;
      groups.push({ users: admins, ordered: false });
      run.event({
        actor: SYSTEM,
        action: "changeAssignee",
        nodeId: node.id,
        visitId: visit.id,
        detail: { reason: "noAssignee", to: admins },
      });
    }
  }
  if (groups.length === 0) {
    run.event({
      actor: SYSTEM,
      action: "autoPass",
      nodeId: node.id,
      visitId: visit.id,
      detail: { reason: "noAssignee" },
    });
    run.pass(visit);
    return;
  }
  startLanes(run, visit, ruleLanes(run, groups, visit.mode ?? mode, "rule"));
  if (visit.status === "active") scheduleDeadline(run, visit, node);
}
