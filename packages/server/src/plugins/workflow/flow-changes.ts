// What one engine step means to listeners of flow events (automations' "flow approved", webhooks,
// inbox counts): the flow started, finished one way or another, or handed out tasks.
import type { Effect, InstanceState, StepResult } from "@formwork/engine";
import type { FlowChange } from "../records/events";

export type FlowHappening = Pick<FlowChange, "kind" | "taskId" | "assigneeIds">;

const FINISHED: Partial<Record<InstanceState["status"], FlowChange["kind"]>> = {
  completed: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
  ended: "ended",
};

export function flowHappenings(before: InstanceState | null, result: StepResult): FlowHappening[] {
  const happenings: FlowHappening[] = [];
  if (before === null) happenings.push({ kind: "started" });
  for (const effect of result.effects as Effect[]) {
    if (effect.type === "createTask") {
      happenings.push({ kind: "task-created", taskId: effect.task.id, assigneeIds: [effect.task.assignee] });
    }
  }
  const finished = FINISHED[result.state.status];
  if (finished && result.state.status !== before?.status) happenings.push({ kind: finished });
  return happenings;
}
