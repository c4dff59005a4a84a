// Keeps aggregation fields (聚合计算) current: every change of a record of an aggregated form recomputes,
// in the same transaction, the totals of the records it links to (before and after the change), and a
// new record of the aggregating form gets its totals at once. Which forms aggregate which is read from
// the app's published definitions and remembered for a few seconds (like the published-form cache:
// `forget` on a publish in this process; another instance sees it within the TTL).
import { isId, type PublishedForm } from "@formwork/db";
import type { Db } from "../../../database";
import { ExpiringCache } from "../../../expiring-cache";
import type { RecordChange, RecordEventHub } from "../events";
import type { PublishedForms } from "../published-forms";
import { type AggregatePlan, aggregatePlans } from "./plan";
import { recomputeAggregate } from "./recompute";

const TTL_MS = 5_000;

interface Aggregation {
  formId: string;
  sourceId: string;
  plan: AggregatePlan;
}

interface AppAggregations {
  /** By the aggregated form's id. */
  bySource: Map<string, Aggregation[]>;
  /** By the aggregating form's id. */
  byTarget: Map<string, Aggregation[]>;
}

function push(map: Map<string, Aggregation[]>, key: string, item: Aggregation): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The record ids a link value names (a single link or a multiple one). */
function linkedIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === "string" && isId(v));
}

export class AggregateUpkeep {
  private readonly apps = new ExpiringCache<string, AppAggregations>(TTL_MS, 1_000);

  constructor(
    private readonly db: Db,
    private readonly forms: PublishedForms,
    private readonly timeZone: string,
  ) {}

  private events: RecordEventHub | undefined;

  install(events: RecordEventHub): void {
    this.events = events;
    events.listensTo(async (formId, db) => {
      const on = db ?? this.db;
      const app = await this.ofApp(await this.forms.appIdOf(formId, on), on);
      return app.bySource.has(formId) || app.byTarget.has(formId);
    });
    events.onRecordChange((tx, change) => this.onChange(tx, change));
  }

  forget(appId?: string): void {
    this.apps.delete(appId);
  }

  ofApp(appId: string, db: Db): Promise<AppAggregations> {
    return this.apps.get(appId, () => this.load(appId, db));
  }

  private async load(appId: string, db: Db): Promise<AppAggregations> {
    const rows = await db
      .selectFrom("forms")
      .select(["id", "key"])
      .where("app_id", "=", appId)
      .where("deleted_at", "is", null)
      .where("published_version", "is not", null)
      .execute();
    const idByKey = new Map(rows.map((r) => [r.key, r.id]));
    const app: AppAggregations = { bySource: new Map(), byTarget: new Map() };
    for (const row of rows) {
      const form = await this.forms.get(row.id, db).catch(() => null);
      if (!form) continue;
      for (const plan of aggregatePlans(form.definition)) {
        const sourceId = idByKey.get(plan.sourceKey);
        if (!sourceId) continue;
        const aggregation = { formId: row.id, sourceId, plan };
        push(app.bySource, sourceId, aggregation);
        push(app.byTarget, row.id, aggregation);
      }
    }
    return app;
  }

  private async onChange(tx: Db, change: RecordChange): Promise<void> {
    const app = await this.ofApp(change.appId, tx);
    const changed = change.kind === "updated" ? new Set(change.changedFields ?? []) : undefined;
    for (const aggregation of app.bySource.get(change.formId) ?? []) {
      const { plan } = aggregation;
      if (changed && !plan.sourceReads.some((f) => changed.has(f))) continue;
      const ids =
        plan.link === undefined
          ? "all"
          : [
              ...new Set([
                ...linkedIds(change.record.data[plan.link]),
                ...linkedIds(change.before?.data[plan.link]),
              ]),
            ];
      const recomputed = await this.recompute(
        tx,
        aggregation,
        change.formId === aggregation.formId ? change.form : undefined,
        ids,
      );
      // Grids and drawers showing a customer's total follow a new contract live.
      this.events?.emitChangedIds(tx, {
        kind: "updated",
        appId: change.appId,
        formId: aggregation.formId,
        recordIds: recomputed,
      });
    }
    for (const aggregation of app.byTarget.get(change.formId) ?? []) {
      const own = aggregation.plan.recordRefs.map((r) => r.field);
      const affected =
        change.kind === "created" ||
        change.kind === "restored" ||
        (changed && own.some((f) => changed.has(f)));
      if (affected) await this.recompute(tx, aggregation, change.form, [change.record.id]);
    }
  }

  private async recompute(
    tx: Db,
    aggregation: Aggregation,
    form: PublishedForm | undefined,
    ids: readonly string[] | "all",
  ): Promise<string[]> {
    const target = form ?? (await this.forms.get(aggregation.formId, tx));
    const source = await this.forms.get(aggregation.sourceId, tx);
    return recomputeAggregate(
      tx,
      { form: target, source, plan: aggregation.plan, timeZone: this.timeZone },
      ids,
    );
  }
}
