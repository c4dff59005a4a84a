import { refuse } from "../errors";
import type { NodeVisit, Task } from "../model";
import type { Run } from "../run";
import { completeTask, laneOf, newLane, openLaneHead, settle } from "../tasks/lanes";
import { holders } from "./reassign";

/**
 * 加签. `before`: the added people act first, then the task comes back to its holder. `after`: the holder
 * approves now and the added people act next, in the same lane. `parallel`: each added person gets a
 * task beside the holder's. Before/after signers join the holder's lane, so the lane (the holder's
 * vote) passes only once they approve too; parallel signers get lanes of their own that do not count
 * towards the mode but must all pass (even at a 或签 node), and one rejecting rejects the node.
 */
export function addSigner(
  run: Run,
  visit: NodeVisit,
  task: Task,
  users: readonly string[],
  position: "before" | "after" | "parallel",
  comment?: string,
): void {
  const added = [...new Set(users.filter((u) => typeof u === "string" && u !== ""))];
  if (added.length === 0) refuse("INVALID_ASSIGNEE", "name at least one signer", "/action/users");
  const busy = holders(run, visit);
  for (const [i, u] of added.entries())
    if (u === task.assignee || busy.has(u))
      refuse("INVALID_ASSIGNEE", `"${u}" already has a task at this step`, `/action/users/${i}`);
  run.taskEvent(task, "addSigner", task.assignee, {
    ...(comment ? { comment } : {}),
    detail: { users: added, position },
  });
  const steps = added.map((user) => ({ user, origin: "added-signer" as const }));
  if (position === "parallel") {
    const lanes = added.map((u) => newLane(run, "added", [u], "added-signer"));
    visit.lanes = [...(visit.lanes ?? []), ...lanes];
    for (const lane of lanes) openLaneHead(run, visit, lane);
    return;
  }
  const lane = laneOf(visit, task);
  completeTask(run, task, { actor: task.assignee, action: "addSigner", comment });
  if (position === "before") {
    const own = lane.steps[lane.at]!;
    delete own.taskId;
    lane.steps.splice(lane.at, 0, ...steps);
  } else {
    lane.steps.splice(lane.at + 1, 0, ...steps);
    lane.at += 1;
  }
  openLaneHead(run, visit, lane);
  settle(run, visit, task.assignee);
}
