import { nearestAncestors } from "../ancestry";
import { resolveAssignees } from "../assignees";
import { addTimer, nextReminder } from "../deadlines/timers";
import type { NodeVisit, Timer } from "../model";
import { type Run, SYSTEM } from "../run";
import { startLanes } from "../tasks/enter";
import { completeTask, ruleLanes, settle } from "../tasks/lanes";
import { returnTargets, returnTo } from "./return";

/** Is the timer still meaningful? A timer of a closed visit, or one already fired or cancelled, is not. */
export function timerIsLive(run: Run, timer: Timer | undefined): timer is Timer {
  if (timer?.status !== "pending" || !run.running) return false;
  return run.state.visits.some((v) => v.id === timer.visitId && v.status === "active");
}

function remind(run: Run, visit: NodeVisit, timer: Timer): void {
  const users = run.pendingTasks(visit.id).map((t) => t.assignee);
  run.event({ actor: SYSTEM, action: "remind", nodeId: visit.nodeId, visitId: visit.id, detail: { users } });
  run.notify("remind", users, { nodeId: visit.nodeId, due: timer.due });
  const next = nextReminder(run, timer);
  if (next) addTimer(run, visit, "remind", next, timer.repeat);
}

/** Auto-approve: every open task passes as the system, every open lane with it. */
function autoApprove(run: Run, visit: NodeVisit): void {
  for (const task of run.pendingTasks(visit.id)) {
    completeTask(run, task, { actor: SYSTEM, action: "autoPass" });
    run.taskEvent(task, "autoPass", SYSTEM, { detail: { reason: "deadline" } });
  }
  for (const lane of visit.lanes ?? [])
    if (lane.status === "open") {
      lane.at = lane.steps.length;
      lane.status = "passed";
    }
  settle(run, visit, SYSTEM);
}

/** Auto-return: back to the previous start, approval or fill node on the path. */
function autoReturn(run: Run, visit: NodeVisit): void {
  const targets = returnTargets(run.state, visit);
  const [previous] = nearestAncestors(run.state, visit, (v) => targets.get(v.nodeId) === v);
  if (!previous) return;
  for (const task of run.pendingTasks(visit.id)) {
    completeTask(run, task, { actor: SYSTEM, action: "return" });
    run.taskEvent(task, "return", SYSTEM, { detail: { toNode: previous.nodeId, reason: "deadline" } });
  }
  returnTo(run, visit, previous);
}

/** Escalate: the open work of the node moves to the deadline's `escalateTo` people (admins if none). */
async function escalate(run: Run, visit: NodeVisit): Promise<void> {
  const node = run.graph.node(visit.nodeId);
  const targets = node.type === "approval" || node.type === "fill" ? (node.deadline?.escalateTo ?? []) : [];
  const groups = await resolveAssignees(run, targets);
  if (groups.length === 0) {
    const admins = await run.ports.directory.admins();
    if (admins.length > 0) groups.push({ users: admins, ordered: false });
  }
  const users = groups.flatMap((g) => g.users);
  run.event({
    actor: SYSTEM,
    action: "escalate",
    nodeId: visit.nodeId,
    visitId: visit.id,
    detail: { users },
  });
  if (users.length === 0) return;
  for (const lane of visit.lanes ?? []) if (lane.status === "open") lane.status = "cancelled";
  for (const task of run.pendingTasks(visit.id)) run.cancelTask(task);
  run.notify("escalated", users, { nodeId: visit.nodeId });
  startLanes(run, visit, ruleLanes(run, groups, visit.mode ?? "any", "transfer"));
}

/** A due timer, run through the same path as a user's command. */
export async function fireTimer(run: Run, timer: Timer): Promise<void> {
  timer.status = "fired";
  const visit = run.visit(timer.visitId);
  switch (timer.kind) {
    case "remind":
      return remind(run, visit, timer);
    case "auto-approve":
      return autoApprove(run, visit);
    case "auto-return":
      return autoReturn(run, visit);
    case "escalate":
      return escalate(run, visit);
  }
}
