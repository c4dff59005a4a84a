// The common automation planned into its trigger's statement (events.ts CreatePlanner): on a record's
// create, automations whose actions are all "create a record" with mappings over the trigger record
// are run in JavaScript before the insert — condition, mapping formulas, the target form's whole
// fields pipeline — and their records (with revisions) and run-log rows become CTEs of the trigger's
// INSERT: one round trip instead of BEGIN, the insert, a second insert, the log row and COMMIT.
// Anything one statement cannot honour answers null and the create takes the transactional path
// (runner.ts), which runs the automations with today's semantics: a mapping or validation error, a
// loop at the depth limit, a target form with a flow, quotas, serial numbers, sub-form rows, links,
// members or files to check, data-linkage lookups, or listeners of its own (its automations: chains).
// A refused statement (a unique index, a form published meanwhile) falls back the same way
// (one-statement.ts), so failed runs are logged exactly as before; only successful runs are written here.
import {
  insertNeedsTransaction,
  type NewRun,
  newId,
  type PartRecord,
  type PublishedForm,
  partRecord,
  recordInsertParts,
  runInsertPart,
} from "@formwork/db";
import { AUTOMATION_MAX_DEPTH, type AutomationAction } from "@formwork/schema";
import type { Db } from "../../database";
import type { PlannedCreate, PlannedWork } from "../records/events";
import { prepareAll } from "../records/prepare";
import { hasQuotas } from "../records/quotas";
import { findReferences, hasReferences } from "../records/references";
import { NO_USER, needsLookups } from "../records/write-path";
import { type FormulaScope, mappedData } from "./formulas";
import { changeFires } from "./matching";
import { type AutomationRunner, actionScope, runLogRow } from "./runner";

type CreateAction = Extract<AutomationAction, { type: "createRecord" }>;

/** A record an automation creates, prepared for its form. */
interface Planned {
  form: PublishedForm;
  record: PartRecord;
}

/** The automations' work for `create` as parts of its statement, or null (see above). */
export async function planAutomations(
  runner: AutomationRunner,
  db: Db,
  create: PlannedCreate,
): Promise<PlannedWork | null> {
  const { deps } = runner;
  const now = deps.clock.now();
  const toMatch = { kind: "created" as const, source: create.source, data: create.record.data };
  const firing = (await runner.automationsOf(create.formId, db)).filter((a) =>
    changeFires(a.definition, toMatch, { now, timeZone: deps.timeZone }),
  );
  // At the limit the run is logged as failed: the transactional path does that.
  if (firing.length > 0 && create.depth >= AUTOMATION_MAX_DEPTH) return null;
  const created: Planned[] = [];
  const runs: NewRun[] = [];
  const record = create.record;
  const scope = actionScope(record, now, deps.timeZone);
  for (const automation of firing) {
    const actions = automation.definition.actions;
    if (!actions.every((a): a is CreateAction => a.type === "createRecord")) return null;
    const outcomes: NewRun["outcomes"] = [];
    for (const [index, action] of actions.entries()) {
      const planned = await plannedRecord(runner, db, automation.appId, action, scope);
      if (!planned) return null;
      created.push(planned);
      const detail = { form: action.form, recordId: planned.record.system.id };
      outcomes.push({ index, type: action.type, status: "succeeded", detail });
    }
    const trigger = {
      kind: "record.created",
      formId: create.formId,
      recordId: record.id,
      source: create.source,
      at: now.toISOString(),
    };
    const input = { trigger, record, depth: create.depth, actorId: null };
    runs.push(runLogRow(automation, input, "succeeded", outcomes, null));
  }
  return {
    // Fixed texts gated on the statement's own insert (INSERTED), so `inserted` is not needed here.
    parts: () => [
      ...created.flatMap(({ form, record }) => recordInsertParts(form, record, null)),
      ...runs.map((run) => runInsertPart(run).part),
    ],
    forms: created.map(({ form }) => form),
    changes: (stored) =>
      created.map(({ form, record }) => ({
        kind: "created" as const,
        appId: create.appId,
        formId: form.id,
        form,
        record: partRecord(form, record, stored),
        actor: null,
        source: "automation" as const,
        depth: create.depth + 1,
      })),
  };
}

/**
 * The record a "create a record" action writes, as createRecords would prepare it for an automation
 * (a system writer that may set every field), or null when one statement cannot write it.
 */
async function plannedRecord(
  runner: AutomationRunner,
  db: Db,
  appId: string,
  action: CreateAction,
  scope: FormulaScope,
): Promise<Planned | null> {
  const { deps } = runner;
  let form: PublishedForm;
  let data: Record<string, unknown>;
  try {
    form = await runner.formByKey(appId, action.form, db);
    if (form.definition.flow !== undefined || hasQuotas(form)) return null;
    if (await deps.events.needsTransaction(form.id, db)) return null;
    const mapped = mappedData(action.fields, form.definition.fields, scope);
    const ctx = { now: new Date(), actorId: NO_USER, timeZone: deps.timeZone, locale: "zh-CN" as const };
    const [prepared] = prepareAll(form, [{ base: "/data", data: mapped }], ctx);
    if (!prepared || needsLookups(form, [prepared])) return null;
    data = prepared.data;
  } catch {
    // A missing form, a mapping or a validation error: the transactional path logs the failed run.
    return null;
  }
  if (insertNeedsTransaction(form, [{ data }])) return null;
  if (hasReferences(findReferences(form.definition.fields, [{ base: "/data", data }]))) return null;
  const system = { id: newId(), createdBy: null, ownerId: null, deptId: null, flowStatus: null };
  return { form, record: { system, data } };
}
