import { refuse } from "../errors";
import type { InstanceState, UrgeCommand, WithdrawCommand } from "../model";
import type { Run } from "../run";

/**
 * The initiator may withdraw (撤回) while nobody downstream has acted since they last submitted: no task
 * after the latest start visit was closed by its own assignee (automatic passes, timers and admin
 * reassignments do not count), or while a return has put the instance back with them.
 */
export function canWithdraw(state: InstanceState): boolean {
  if (state.status !== "running") return false;
  const starts = state.visits.filter((v) => v.kind === "start");
  const latest = starts.at(-1);
  if (latest?.status === "active") return true;
  const since = new Set(state.visits.slice(latest ? state.visits.indexOf(latest) + 1 : 0).map((v) => v.id));
  return !state.tasks.some(
    (t) => since.has(t.visitId) && t.status === "done" && t.actor === t.assignee && t.action !== "autoPass",
  );
}

export function withdraw(run: Run, command: WithdrawCommand): void {
  if (command.actor !== run.state.initiator) refuse("NOT_INITIATOR", "only the initiator can withdraw");
  if (!run.running) refuse("INSTANCE_NOT_RUNNING", `the instance is ${run.state.status}`);
  if (!canWithdraw(run.state)) refuse("WITHDRAW_NOT_ALLOWED", "somebody has already acted on this instance");
  run.event({
    actor: command.actor,
    action: "withdraw",
    ...(command.comment ? { comment: command.comment } : {}),
  });
  run.finish("withdrawn", command.actor, command.comment);
}

/** 催办: remind everyone with a pending task. Changes nothing but the log and the outbox. */
export function urge(run: Run, command: UrgeCommand): void {
  if (command.actor !== run.state.initiator) refuse("NOT_INITIATOR", "only the initiator can urge");
  if (!run.running) refuse("INSTANCE_NOT_RUNNING", `the instance is ${run.state.status}`);
  const pending = run.pendingTasks();
  if (pending.length === 0) refuse("NOTHING_TO_URGE", "no task is waiting");
  run.event({
    actor: command.actor,
    action: "urge",
    ...(command.comment ? { comment: command.comment } : {}),
    detail: { users: [...new Set(pending.map((t) => t.assignee))] },
  });
  for (const task of pending)
    run.notify("urge", [task.assignee], {
      taskId: task.id,
      nodeId: task.nodeId,
      ...(command.comment ? { comment: command.comment } : {}),
    });
}
