import { refuse } from "../errors";
import type { InstanceState, UrgeCommand, WithdrawCommand } from "../model";
import type { Run } from "../run";

/**
 * The initiator may withdraw (撤回) while nobody has acted yet — no task closed by a person (automatic
 * passes do not count) — or while the instance is back with them after a return.
 */
export function canWithdraw(state: InstanceState): boolean {
  if (state.status !== "running") return false;
  const acted = state.tasks.some((t) => t.status === "done" && t.action !== "autoPass");
  return !acted || state.visits.some((v) => v.kind === "start" && v.status === "active");
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
