import { refuse } from "../errors";
import type { AdminCommand, InstanceState, NodeVisit } from "../model";
import type { Run } from "../run";
import { reassign } from "./reassign";

const REOPENABLE = new Set(["start", "approval", "fill"]);

/** Visits a reactivation may resume at: start/approval/fill visits outside parallel blocks. */
function reopenable(state: InstanceState): NodeVisit[] {
  return state.visits.filter((v) => REOPENABLE.has(v.kind) && v.scope.length === 0);
}

/**
 * The nodes an admin may reactivate a finished instance at, the latest visited first (the default
 * target). Only outside parallel blocks: re-opening one lane alone would leave its join waiting for ever.
 */
export function reactivationTargets(state: InstanceState): string[] {
  if (state.status === "running") return [];
  return [
    ...new Set(
      reopenable(state)
        .map((v) => v.nodeId)
        .reverse(),
    ),
  ];
}

/** Where a reactivation resumes: `toNode` at its latest visit, else the latest start/approval/fill visit. */
function reactivationTarget(run: Run, toNode: string | undefined): NodeVisit {
  const candidates = reopenable(run.state).filter((v) => toNode === undefined || v.nodeId === toNode);
  return (
    candidates.at(-1) ??
    refuse("RETURN_TARGET_INVALID", `the instance cannot resume at "${toNode ?? "?"}"`, "/action/toNode")
  );
}

/** The server has checked that the actor is an admin. */
export function admin(run: Run, command: AdminCommand): void {
  const { action, actor, comment } = command;
  const note = comment ? { comment } : {};
  switch (action.type) {
    case "changeAssignee": {
      if (!run.running) refuse("INSTANCE_NOT_RUNNING", `the instance is ${run.state.status}`);
      const task =
        run.state.tasks.find((t) => t.id === action.taskId) ??
        refuse("TASK_NOT_FOUND", "no such task", "/action/taskId");
      if (task.status !== "pending")
        refuse("TASK_NOT_PENDING", `the task is already ${task.status}`, "/action/taskId");
      reassign(run, task, action.to, actor, "changeAssignee", comment);
      return;
    }
    case "end": {
      if (!run.running) refuse("INSTANCE_NOT_RUNNING", `the instance is ${run.state.status}`);
      const reason = action.reason ? { reason: action.reason } : {};
      run.event({ actor, action: "end", ...note, ...(action.reason ? { detail: reason } : {}) });
      run.finish("ended", actor, comment, reason);
      return;
    }
    case "reactivate": {
      if (run.running) refuse("INSTANCE_RUNNING", "the instance is still running");
      const target = reactivationTarget(run, action.toNode);
      run.state.status = "running";
      delete run.state.finishedAt;
      run.event({ actor, action: "reactivate", nodeId: target.nodeId, ...note });
      run.arrivals.push({ nodeId: target.nodeId, from: [...target.from], scope: [], reason: "reactivate" });
      return;
    }
  }
}
