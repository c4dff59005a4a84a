import { EngineError, refuse } from "../errors";
import type { ActCommand, RecordData } from "../model";
import { handlerOf } from "../nodes/registry";
import { checkEdits, completeEdits } from "../permissions";
import type { Run } from "../run";
import { advanceLane, completeTask, laneOf, settle } from "../tasks/lanes";
import { addSigner } from "./add-signer";
import { reassign } from "./reassign";
import { returnTargets, returnTo } from "./return";

function applyEdits(run: Run, nodeId: string, edits: RecordData): void {
  const issues = checkEdits(run.graph.flow, nodeId, edits, run.state.record);
  if (issues.length > 0)
    throw new EngineError(
      "EDIT_NOT_ALLOWED",
      "some edits are outside this step's editable fields",
      issues.map((i) => ({ ...i, code: "EDIT_NOT_ALLOWED" })),
    );
  const complete = completeEdits(run.graph.flow, nodeId, edits, run.state.record);
  const changed = Object.fromEntries(
    Object.entries(complete).filter(([id, v]) => JSON.stringify(v) !== JSON.stringify(run.state.record[id])),
  );
  if (Object.keys(changed).length === 0) return;
  Object.assign(run.state.record, changed);
  run.emit({ type: "updateRecord", fields: changed });
}

/** A task holder's action: checked (assignee, pending, allowed at this kind), then applied. */
export function act(run: Run, command: ActCommand): void {
  const task =
    run.state.tasks.find((t) => t.id === command.taskId) ??
    refuse("TASK_NOT_FOUND", "no such task", "/taskId");
  if (task.assignee !== command.actor)
    refuse("NOT_YOUR_TASK", "this task belongs to somebody else", "/taskId");
  if (!run.running) refuse("INSTANCE_NOT_RUNNING", `the instance is ${run.state.status}`);
  if (task.status !== "pending") refuse("TASK_NOT_PENDING", `the task is already ${task.status}`, "/taskId");
  const visit = run.visit(task.visitId);
  const { action, comment, signature } = command;
  if (!handlerOf(visit.kind).actions.includes(action.type))
    refuse("ACTION_NOT_ALLOWED", `"${action.type}" is not possible at a ${visit.kind} node`, "/action/type");
  if (command.fieldEdits && Object.keys(command.fieldEdits).length > 0) {
    if (action.type !== "approve" && action.type !== "submit")
      refuse("ACTION_NOT_ALLOWED", "field edits go with approve or submit", "/fieldEdits");
    applyEdits(run, visit.nodeId, command.fieldEdits);
  }
  const lane = laneOf(visit, task);
  const note = { ...(comment ? { comment } : {}), ...(signature ? { signature } : {}) };
  switch (action.type) {
    case "approve":
    case "submit":
      completeTask(run, task, { actor: command.actor, action: action.type, comment, signature });
      run.taskEvent(task, action.type, command.actor, note);
      advanceLane(run, visit, lane);
      settle(run, visit, command.actor);
      return;
    case "reject":
      completeTask(run, task, { actor: command.actor, action: "reject", comment, signature });
      run.taskEvent(task, "reject", command.actor, note);
      lane.status = "rejected";
      settle(run, visit, command.actor);
      return;
    case "return": {
      const target =
        returnTargets(run.state, visit).get(action.toNode) ??
        refuse(
          "RETURN_TARGET_INVALID",
          `"${action.toNode}" is not an earlier step of this instance`,
          "/action/toNode",
        );
      completeTask(run, task, { actor: command.actor, action: "return", comment, signature });
      run.taskEvent(task, "return", command.actor, { ...note, detail: { toNode: action.toNode } });
      returnTo(run, visit, target);
      return;
    }
    case "transfer":
      reassign(run, task, action.to, command.actor, "transfer", comment);
      return;
    case "addSigner":
      addSigner(run, visit, task, action.users, action.position, comment);
      return;
  }
}
