// changeFires against a direct reading of its rules, over random definitions and changes: the kind must
// match, imports and bulk edits fire only when allowed, an update fires only when a watched field (any,
// when none is chosen) changed, and the condition decides last.
import type { AutomationDefinition } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChangeSource } from "../records/events";
import { changeFires } from "./matching";

const FIELDS = ["a", "b", "c", "d"] as const;
const SOURCES: ChangeSource[] = ["api", "public", "import", "bulk", "automation", "workflow", "template"];
const ctx = { now: new Date("2026-11-27T00:00:00Z"), timeZone: "Asia/Shanghai" };

const trigger = fc.oneof(
  fc.constant({ type: "recordCreated" as const }),
  fc.constant({ type: "recordDeleted" as const }),
  fc.record(
    { type: fc.constant("recordUpdated" as const), fields: fc.subarray([...FIELDS]) },
    { requiredKeys: ["type"] },
  ),
  fc.constant({ type: "flowApproved" as const }),
);
const threshold = fc.integer({ min: -5, max: 5 });
const definition = fc.record({
  trigger,
  threshold: fc.option(threshold, { nil: undefined }),
  fireOnImportsAndBulk: fc.option(fc.boolean(), { nil: undefined }),
});
const change = fc.record({
  kind: fc.constantFrom("created" as const, "updated" as const, "deleted" as const, "restored" as const),
  source: fc.constantFrom(...SOURCES),
  a: fc.integer({ min: -10, max: 10 }),
  changedFields: fc.subarray([...FIELDS]),
});

const KINDS: Record<string, string> = {
  recordCreated: "created",
  recordUpdated: "updated",
  recordDeleted: "deleted",
};

describe("changeFires", () => {
  it("fires exactly when kind, source setting, watched fields and condition all agree", () => {
    fc.assert(
      fc.property(definition, change, (d, c) => {
        const def = {
          id: "x",
          name: "x",
          form: "f",
          trigger: d.trigger,
          actions: [],
          ...(d.threshold !== undefined ? { condition: { ">": [{ var: "a" }, d.threshold] } } : {}),
          ...(d.fireOnImportsAndBulk !== undefined ? { fireOnImportsAndBulk: d.fireOnImportsAndBulk } : {}),
        } as AutomationDefinition;
        const fired = changeFires(
          def,
          { kind: c.kind, source: c.source, data: { a: c.a }, changedFields: c.changedFields },
          ctx,
        );
        const kindMatches = KINDS[d.trigger.type] === c.kind;
        const sourceAllowed =
          !(c.source === "import" || c.source === "bulk") || d.fireOnImportsAndBulk === true;
        const watched = d.trigger.type === "recordUpdated" ? (d.trigger.fields ?? []) : [];
        const fieldsChanged =
          d.trigger.type !== "recordUpdated" ||
          (c.changedFields.length > 0 &&
            (watched.length === 0 || watched.some((f) => c.changedFields.includes(f))));
        const conditionHolds = d.threshold === undefined || c.a > d.threshold;
        expect(fired).toBe(kindMatches && sourceAllowed && fieldsChanged && conditionHolds);
      }),
      { numRuns: 2000 },
    );
  });
});
