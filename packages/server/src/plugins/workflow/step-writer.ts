// Optimistic task actions' reads and writes, each grouped with those of concurrent actions (CallGroups):
// the steps that arrive while two statements are in flight are written by ONE statement
// (applyStepsIfUnchanged, one commit for them all), and so are the reads of their tasks.
// Each step is still atomic and decided on its own: a step whose instance moved meanwhile answers false
// to its caller alone (who reads and steps again); the others were not written either and go again as
// they are in the next statement.
import {
  applyStepsIfUnchanged,
  type GuardedStep,
  readTaskInstances,
  type TaskAndInstance,
} from "@formwork/db";
import type { Db } from "../../database";
import { AGAIN, CallGroups } from "./call-groups";

export function stepWriter(db: Db): CallGroups<GuardedStep, boolean> {
  return new CallGroups(
    async (steps) => {
      const held = await applyStepsIfUnchanged(db, steps);
      if (held.every(Boolean)) return held;
      return held.map((h) => (h ? AGAIN : false));
    },
    // One step per instance per statement: a second one waits for the first's outcome.
    { concurrent: 2, max: 100, key: (step) => step.writes.instances[0]?.id ?? "" },
  );
}

export function taskReader(db: Db): CallGroups<string, TaskAndInstance | null> {
  return new CallGroups(
    async (taskIds) => {
      const read = await readTaskInstances(db, taskIds);
      return taskIds.map((id) => read.get(id) ?? null);
    },
    { concurrent: 2, max: 100 },
  );
}
