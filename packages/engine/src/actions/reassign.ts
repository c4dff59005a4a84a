import { refuse } from "../errors";
import type { EventAction, NodeVisit, Task } from "../model";
import type { Run } from "../run";
import { completeTask, createTask, laneOf } from "../tasks/lanes";

/** People holding a pending task at the visit: nobody gets two at once. */
export function holders(run: Run, visit: NodeVisit): Set<string> {
  return new Set(run.pendingTasks(visit.id).map((t) => t.assignee));
}

/**
 * Hand a pending task to someone else (转交, or an admin changing the assignee): the task closes as
 * transferred and its step of the lane gets a new task for `to`.
 */
export function reassign(
  run: Run,
  task: Task,
  to: string,
  actor: string,
  action: EventAction,
  comment?: string,
): Task {
  const visit = run.visit(task.visitId);
  if (!to || to === task.assignee) refuse("INVALID_ASSIGNEE", "transfer to somebody else", "/action/to");
  if (holders(run, visit).has(to))
    refuse("INVALID_ASSIGNEE", `"${to}" already has a task at this step`, "/action/to");
  const lane = laneOf(visit, task);
  completeTask(run, task, { actor, action: "transfer", comment });
  run.taskEvent(task, action, actor, {
    ...(comment ? { comment } : {}),
    detail: { from: task.assignee, to },
  });
  const step = lane.steps[lane.at]!;
  step.user = to;
  step.origin = "transfer";
  const next = createTask(run, visit, lane, step);
  run.notify("task", [to], { taskId: next.id, nodeId: visit.nodeId });
  return next;
}
