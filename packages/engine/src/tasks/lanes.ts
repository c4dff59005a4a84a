import type { ResolvedGroup } from "../assignees";
import type { Lane, LaneStep, NodeVisit, Signature, Task, TaskMode, TaskOrigin, TaskOutcome } from "../model";
import { type Run, SYSTEM } from "../run";
import { previousApprovers } from "./duplicates";

export function newLane(run: Run, kind: Lane["kind"], users: readonly string[], origin: TaskOrigin): Lane {
  return {
    id: run.nextId("l"),
    kind,
    steps: users.map((user): LaneStep => ({ user, origin })),
    at: 0,
    status: "open",
  };
}

/** `sequential` puts everyone in one lane; otherwise one lane per person, a manager chain staying one lane. */
export function ruleLanes(
  run: Run,
  groups: readonly ResolvedGroup[],
  mode: TaskMode,
  origin: TaskOrigin,
): Lane[] {
  if (mode === "sequential")
    return [
      newLane(
        run,
        "rule",
        groups.flatMap((g) => g.users),
        origin,
      ),
    ];
  return groups.flatMap((g) =>
    g.ordered
      ? [newLane(run, "rule", g.users, origin)]
      : g.users.map((u) => newLane(run, "rule", [u], origin)),
  );
}

export function createTask(run: Run, visit: NodeVisit, lane: Lane, step: LaneStep): Task {
  const task: Task = {
    id: run.nextId("t"),
    visitId: visit.id,
    nodeId: visit.nodeId,
    laneId: lane.id,
    assignee: step.user,
    status: "pending",
    origin: step.origin,
    createdAt: run.now,
  };
  step.taskId = task.id;
  run.state.tasks.push(task);
  run.emit({ type: "createTask", task });
  return task;
}

export interface Completion {
  actor: string;
  action: TaskOutcome;
  comment?: string | undefined;
  signature?: Signature | undefined;
}

export function completeTask(run: Run, task: Task, done: Completion): void {
  task.status = "done";
  task.completedAt = run.now;
  task.actor = done.actor;
  task.action = done.action;
  if (done.comment) task.comment = done.comment;
  if (done.signature) task.signature = done.signature;
  run.emit({ type: "completeTask", task });
}

/**
 * Give the lane's current step its task. A rule step whose person approved the node just before is
 * passed at once when the node asks for it (consecutive duplicate approver), and the lane moves on.
 */
export function openLaneHead(run: Run, visit: NodeVisit, lane: Lane): void {
  let duplicates: ReadonlySet<string> | undefined;
  while (lane.status === "open") {
    const step = lane.steps[lane.at];
    if (!step) {
      lane.status = "passed";
      return;
    }
    const task = createTask(run, visit, lane, step);
    duplicates ??= previousApprovers(run, visit);
    if (step.origin === "rule" && duplicates.has(step.user)) {
      completeTask(run, task, { actor: SYSTEM, action: "autoPass" });
      run.taskEvent(task, "autoPass", SYSTEM, { detail: { reason: "duplicate", user: step.user } });
      lane.at += 1;
      continue;
    }
    run.notify("task", [step.user], { taskId: task.id, nodeId: visit.nodeId });
    return;
  }
}

export function laneOf(visit: NodeVisit, task: Task): Lane {
  const lane = visit.lanes?.find((l) => l.id === task.laneId);
  if (!lane) throw new Error(`task ${task.id} has no lane in visit ${visit.id}`);
  return lane;
}

/** The step `task` stands for moved on: the lane advances to its next person, or passes. */
export function advanceLane(run: Run, visit: NodeVisit, lane: Lane): void {
  lane.at += 1;
  openLaneHead(run, visit, lane);
}

export type Decision = "open" | "passed" | "rejected";

/** The rule lanes' verdict under the node's mode. */
function ruleDecision(visit: NodeVisit, rule: Lane[]): Decision {
  const passed = rule.filter((l) => l.status === "passed").length;
  const rejected = rule.filter((l) => l.status === "rejected").length;
  if (rule.length === 0) return "passed";
  switch (visit.mode ?? "any") {
    case "any":
      return passed > 0 ? "passed" : rejected > 0 ? "rejected" : "open";
    case "all":
    case "sequential":
      return rejected > 0 ? "rejected" : passed === rule.length ? "passed" : "open";
    case "ratio": {
      const ratio = visit.ratio ?? 1;
      if (passed >= ratio * rule.length - 1e-9) return "passed";
      return rule.length - rejected < ratio * rule.length - 1e-9 ? "rejected" : "open";
    }
  }
}

/**
 * The node's outcome from all of its lanes: the mode decides over the rule lanes, every added signer
 * must pass too, and any added signer's rejection rejects.
 */
export function decide(visit: NodeVisit): Decision {
  const live = (visit.lanes ?? []).filter((l) => l.status !== "cancelled");
  const added = live.filter((l) => l.kind === "added");
  if (added.some((l) => l.status === "rejected")) return "rejected";
  const rule = ruleDecision(
    visit,
    live.filter((l) => l.kind === "rule"),
  );
  if (rule !== "passed") return rule;
  return added.every((l) => l.status === "passed") ? "passed" : "open";
}

function cancelLane(run: Run, lane: Lane): void {
  lane.status = "cancelled";
  for (const task of run.pendingTasks()) if (task.laneId === lane.id) run.cancelTask(task);
}

/**
 * Act on the node's outcome: once the rule lanes have decided, the open rule lanes are no longer needed
 * (the other approvers of 或签, the remaining votes of a ratio); a rejection ends the instance; a pass
 * moves the flow on.
 */
export function settle(run: Run, visit: NodeVisit, actor: string): Decision {
  if (visit.status !== "active") return visit.outcome === "passed" ? "passed" : "rejected";
  const lanes = visit.lanes ?? [];
  const rule = ruleDecision(
    visit,
    lanes.filter((l) => l.kind === "rule" && l.status !== "cancelled"),
  );
  if (rule !== "open")
    for (const lane of lanes) if (lane.kind === "rule" && lane.status === "open") cancelLane(run, lane);
  const decision = decide(visit);
  if (decision === "rejected") {
    run.closeVisit(visit, "rejected");
    run.finish("rejected", actor);
  } else if (decision === "passed") {
    run.pass(visit);
  }
  return decision;
}
