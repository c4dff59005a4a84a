import type { InstanceState } from "./model";

/** What a running instance waits on; the server's reconciler flags an instance waiting on nothing. */
export function waitingOn(state: InstanceState): { tasks: string[]; timers: string[] } {
  return {
    tasks: state.tasks.filter((t) => t.status === "pending").map((t) => t.id),
    timers: state.timers.filter((t) => t.status === "pending").map((t) => t.id),
  };
}

/**
 * The engine's invariants, as messages (empty when all hold): a finished instance has no open visit,
 * task or timer; a running one waits on a task or a timer; open tasks and timers belong to open visits.
 */
export function invariantViolations(state: InstanceState): string[] {
  const problems: string[] = [];
  const { tasks, timers } = waitingOn(state);
  const active = new Set(state.visits.filter((v) => v.status === "active").map((v) => v.id));
  if (state.status !== "running") {
    if (tasks.length + timers.length + active.size > 0)
      problems.push(`finished (${state.status}) with open work`);
  } else if (tasks.length === 0 && timers.length === 0) {
    problems.push("running but waiting on no task or timer");
  }
  for (const t of state.tasks)
    if (t.status === "pending" && !active.has(t.visitId))
      problems.push(`task ${t.id} pending on closed visit ${t.visitId}`);
  for (const t of state.timers)
    if (t.status === "pending" && !active.has(t.visitId))
      problems.push(`timer ${t.id} pending on closed visit ${t.visitId}`);
  return problems;
}
