// Flow administration (issue 5 §4): a system admin or an admin of the form's app changes a pending task's
// assignee, ends a running instance with a reason, or reactivates an ended or rejected one at a chosen
// node. Each is one transaction — the engine's command, its rows, and the audit entry together — and a
// state that does not allow it is a 409 with the engine's reason (INSTANCE_NOT_RUNNING, INSTANCE_RUNNING,
// TASK_NOT_PENDING) in details[0].code.
import { activeUsers, getTask, instanceAdministration } from "@formwork/db";
import { FormworkError, type Locale } from "@formwork/schema";
import type { Db } from "../../database";
import { type AuditEntry, writeAudit } from "../audit/audit-store";
import type { Principal } from "../auth/principal";
import type { CommandOutcome, WorkflowRuntime } from "./runtime";

export interface AdminBody {
  action: "changeAssignee" | "end" | "reactivate";
  task?: string;
  user?: string;
  target?: string;
  comment?: string;
}

export async function administerInstance(
  tx: Db,
  runtime: WorkflowRuntime,
  principal: Principal,
  actor: Pick<AuditEntry, "actorId" | "actorLabel" | "ip">,
  instanceId: string,
  body: AdminBody,
  locale: Locale,
): Promise<CommandOutcome> {
  const gate = await instanceAdministration(tx, instanceId, principal.userId);
  if (!gate) throw new FormworkError("NOT_FOUND", "No such flow instance");
  if (!principal.isAdmin && !gate.appAdmin) {
    throw new FormworkError("FORBIDDEN", "Only administrators of this app may administer its flows");
  }
  const action = adminAction(body);
  const comment = body.comment?.trim();
  let from: string | null = null;
  if (action.type === "changeAssignee") {
    if ((await activeUsers(tx, [action.to])).length === 0) {
      throw required("/user", "The new assignee is not an active member");
    }
    const task = await getTask(tx, action.taskId);
    if (task?.instanceId !== instanceId) {
      throw new FormworkError("NOT_FOUND", "No such task in this flow", [
        { path: "/task", message: "not a task of this flow" },
      ]);
    }
    from = task.assignee;
  }
  const outcome = await runtime.command(
    tx,
    instanceId,
    { type: "admin", actor: principal.userId, action, ...(comment ? { comment } : {}) },
    locale,
    principal,
  );
  await writeAudit(tx, {
    ...actor,
    action: `flow.${body.action}`,
    targetId: instanceId,
    appId: gate.appId,
    detail: {
      formId: gate.formId,
      recordId: gate.recordId,
      status: outcome.status,
      ...(action.type === "changeAssignee" ? { task: action.taskId, from, to: action.to } : {}),
      ...(action.type === "reactivate" && action.toNode ? { target: action.toNode } : {}),
      ...(comment ? { comment } : {}),
    },
  });
  return outcome;
}

function adminAction(body: AdminBody) {
  switch (body.action) {
    case "changeAssignee":
      if (!body.task) throw required("/task", "changeAssignee needs the task");
      if (!body.user) throw required("/user", "changeAssignee needs the new assignee");
      return { type: "changeAssignee" as const, taskId: body.task, to: body.user };
    case "end":
      // Ending somebody's flow is final for them: the log and the audit keep why.
      if (!body.comment?.trim()) throw required("/comment", "Give the reason for ending the flow");
      return { type: "end" as const };
    case "reactivate":
      return { type: "reactivate" as const, ...(body.target ? { toNode: body.target } : {}) };
  }
}

function required(path: string, message: string): FormworkError {
  return new FormworkError("VALIDATION_FAILED", message, [{ path, message }]);
}
