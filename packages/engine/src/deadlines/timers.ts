import type { Deadline, FlowNode } from "@formwork/schema";
import type { NodeVisit, Timer, TimerKind } from "../model";
import type { Run } from "../run";
import { addDuration, type DueOptions, dueTime, WEEKDAYS } from "./due";

const KINDS: Record<Deadline["then"], TimerKind> = {
  remind: "remind",
  approve: "auto-approve",
  return: "auto-return",
  escalate: "escalate",
};

export function dueOptions(run: Run): DueOptions {
  return { timeZone: run.ports.timeZone ?? "Asia/Shanghai", calendar: run.ports.calendar ?? WEEKDAYS };
}

export function addTimer(run: Run, visit: NodeVisit, kind: TimerKind, due: string, repeat?: string): Timer {
  const timer: Timer = {
    id: run.nextId("m"),
    kind,
    visitId: visit.id,
    nodeId: visit.nodeId,
    due,
    status: "pending",
    ...(repeat ? { repeat } : {}),
  };
  run.state.timers.push(timer);
  run.emit({ type: "createTimer", timer });
  return timer;
}

/** The node's deadline as a timer, due from the moment the visit began. */
export function scheduleDeadline(run: Run, visit: NodeVisit, node: FlowNode): void {
  if (node.type !== "approval" && node.type !== "fill") return;
  const deadline = node.deadline;
  if (!deadline) return;
  const due = dueTime(deadline, visit.enteredAt, run.state.record, dueOptions(run));
  if (!due) return;
  const kind = KINDS[deadline.then];
  addTimer(run, visit, kind, due, kind === "remind" ? deadline.repeat : undefined);
}

/** The next reminder after a repeating one fired: the first repetition still ahead of `now`. */
export function nextReminder(run: Run, timer: Timer): string | undefined {
  if (!timer.repeat) return undefined;
  const options = dueOptions(run);
  const workingDays = (() => {
    const node = run.graph.node(timer.nodeId);
    return (node.type === "approval" || node.type === "fill") && (node.deadline?.workingDays ?? false);
  })();
  let due = timer.due;
  for (let i = 0; i < 10_000; i++) {
    const next = addDuration(due, timer.repeat, workingDays, options);
    if (!next || next <= due) return undefined;
    if (next > run.now) return next;
    due = next;
  }
  return undefined;
}
