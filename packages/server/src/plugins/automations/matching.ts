// Whether a record change fires an automation: the trigger's kind, its "only when these fields change",
// the imports-and-bulk setting, and the condition over the record as it is after the change. Pure, so a
// property test pins it (matching.property.test.ts).
import { evaluateRule } from "@formwork/expressions";
import type { AutomationDefinition } from "@formwork/schema";
import type { ChangeSource, RecordChange } from "../records/events";

const KIND_OF: Record<string, RecordChange["kind"] | undefined> = {
  recordCreated: "created",
  recordUpdated: "updated",
  recordDeleted: "deleted",
};

export interface ChangeToMatch {
  kind: RecordChange["kind"];
  source: ChangeSource;
  data: Record<string, unknown>;
  changedFields?: readonly string[];
}

export function changeFires(
  definition: AutomationDefinition,
  change: ChangeToMatch,
  ctx: { now: Date; timeZone: string },
): boolean {
  if (KIND_OF[definition.trigger.type] !== change.kind) return false;
  if ((change.source === "import" || change.source === "bulk") && !definition.fireOnImportsAndBulk)
    return false;
  if (definition.trigger.type === "recordUpdated") {
    const changed = change.changedFields ?? [];
    if (changed.length === 0) return false;
    const watched = definition.trigger.fields ?? [];
    if (watched.length > 0 && !watched.some((field) => changed.includes(field))) return false;
  }
  return conditionHolds(definition.condition, change.data, ctx);
}

/** No condition holds for every record; a condition that errors (or is too large) does not hold. */
export function conditionHolds(
  condition: unknown,
  data: Record<string, unknown>,
  ctx: { now: Date; timeZone: string },
): boolean {
  if (condition === undefined || condition === null) return true;
  try {
    return evaluateRule(condition, data, ctx);
  } catch {
    return false;
  }
}
