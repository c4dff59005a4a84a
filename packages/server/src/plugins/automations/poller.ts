// The durable poller of schedule and date-field automations, in every server process. Due automations
// are rows (next_run_at), claimed FOR UPDATE SKIP LOCKED in one transaction that also runs them and
// moves next_run_at on, so any number of pollers never fire one twice. A date trigger fires once per
// record per date value: the (automation, record, date) row is claimed before its run.
import {
  claimDateFire,
  claimDueAutomations,
  filterScopeFor,
  type PublishedForm,
  queryRecords,
  type StoredAutomation,
  setNextRun,
} from "@formwork/db";
import { addDays, compileFilter, dateInZone, formatDate } from "@formwork/expressions";
import type { AutomationTrigger } from "@formwork/schema";
import type { FastifyBaseLogger } from "fastify";
import type { ServerClock } from "../../clock";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { DueLoop } from "../../due-loop";
import type { RecordEventHub } from "../records/events";
import { MAX_RECORDS_PER_ACTION } from "./actions";
import type { AutomationRunner } from "./runner";
import { localInstant, nextRunAt } from "./schedule";

type DateTrigger = Extract<AutomationTrigger, { type: "dateField" }>;

export class AutomationPoller {
  /** One loop, a round every `pollMs` (a full one goes again at once). */
  private readonly loop: DueLoop;

  constructor(
    private readonly db: Db,
    private readonly events: RecordEventHub,
    private readonly runner: AutomationRunner,
    private readonly log: FastifyBaseLogger,
    private readonly options: ServerConfig["automations"],
    private readonly timeZone: string,
    private readonly clock: ServerClock,
  ) {
    this.loop = new DueLoop(
      { round: () => this.tick() },
      { pollMs: options.pollMs, workers: 1, batchSize: options.batchSize },
      log,
      "automation poll failed",
    );
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One round: claims due automations, runs them, schedules their next run. Answers how many it ran. */
  async tick(now = this.clock.now()): Promise<number> {
    return this.events.transaction(this.db, async (tx) => {
      const due = await claimDueAutomations(tx, this.options.batchSize, now);
      for (const automation of due) {
        const trigger = automation.definition.trigger;
        try {
          if (trigger.type === "schedule") await this.fireSchedule(tx, automation, now);
          if (trigger.type === "dateField") await this.fireDates(tx, automation, trigger, now);
        } catch (error) {
          // A form deleted or unpublished under the automation: log, and try again at the next time.
          this.log.error({ err: error, automation: automation.id }, "automation poll failed");
        }
        await setNextRun(
          tx,
          automation.id,
          nextRunAt(trigger, now, this.timeZone, this.options.dateRecheckMs),
        );
      }
      return due.length;
    });
  }

  private async fireSchedule(tx: Db, automation: StoredAutomation, now: Date): Promise<void> {
    await this.runner.run(tx, automation, {
      trigger: { kind: "schedule", formId: automation.formId, at: now.toISOString() },
      record: null,
      depth: 0,
      actorId: null,
    });
  }

  /**
   * The records whose date field is `-offsetDays` from today (local), once today's time has come and
   * the condition holds (both compiled to SQL), each fired once per date value.
   */
  private async fireDates(
    tx: Db,
    automation: StoredAutomation,
    trigger: DateTrigger,
    now: Date,
  ): Promise<void> {
    const today = dateInZone(now, this.timeZone);
    if (now < localInstant(today, trigger.time, this.timeZone)) return;
    const target = addDays(today, -trigger.offsetDays);
    const form = await this.runner.deps.forms.get(automation.formId, tx);
    const onDay = dayCondition(form, trigger.field, target, this.timeZone);
    const condition = automation.definition.condition;
    const compiled = compileFilter(
      condition === undefined || condition === null ? onDay : { and: [onDay, condition] },
      filterScopeFor(form, { now, timeZone: this.timeZone }),
    );
    if (!compiled.ok) throw new Error(`date trigger condition: ${compiled.errors[0]?.message}`);
    const date = formatDate(target);
    let cursor: string | undefined;
    let seen = 0;
    do {
      const page = await queryRecords(tx, form, {
        filter: compiled.expr,
        limit: 200,
        count: false,
        ...(cursor ? { cursor } : {}),
      });
      for (const record of page.records) {
        if (seen++ >= MAX_RECORDS_PER_ACTION) return;
        if (!(await claimDateFire(tx, automation.id, record.id, date))) continue;
        await this.runner.run(tx, automation, {
          trigger: {
            kind: "date",
            formId: automation.formId,
            recordId: record.id,
            date,
            at: now.toISOString(),
          },
          record,
          depth: 0,
          actorId: null,
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}

/** json-logic for "the field's value is on `day`": equality for a date field, a local-day range for a date-time. */
function dayCondition(
  form: PublishedForm,
  field: string,
  day: ReturnType<typeof dateInZone>,
  timeZone: string,
) {
  const type = form.definition.fields.find((f) => f.id === field)?.type;
  if (type !== "datetime") return { "==": [{ var: field }, formatDate(day)] };
  return {
    and: [
      { ">=": [{ var: field }, localInstant(day, "00:00", timeZone).toISOString()] },
      { "<": [{ var: field }, localInstant(addDays(day, 1), "00:00", timeZone).toISOString()] },
    ],
  };
}
