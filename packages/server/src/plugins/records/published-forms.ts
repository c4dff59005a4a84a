// Published forms as the records path needs them. A version is immutable, so what is derived from it
// (the db's table model, compiled validators) is built once and reused by keeping the same object.
//
// Which version is current is remembered for PUBLISHED_FORM_TTL_MS instead of asked on every request
// (one round trip saved per request) in an ExpiringCache: once it expires, one caller asks and the others
// keep the answer until that caller has it. This process forgets a form at once when it publishes or deletes
// it, or builds a view's index for it (`forget`); another instance keeps its answer for at most the
// TTL. That staleness never reaches a write: the insert statement itself checks the published version
// and writes nothing through an older definition, an update re-checks it after its row lock, and the
// caller then reloads and retries (./current-form). Reads may show the previous version's fields, and
// counts may stay capped over a new view index, for up to the TTL after a change made elsewhere
// (docs/deploy.md, "Several instances").
import { loadPublishedForm, type PublishedForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";
import { ExpiringCache } from "../../expiring-cache";

export const PUBLISHED_FORM_TTL_MS = 5_000;
const MAX_CACHED = 500;

export class PublishedForms {
  private readonly current: ExpiringCache<string, PublishedForm>;
  /**
   * Forms by `${formId}@${version}.${storage revision}` (a view's index added to the current version
   * bumps the storage revision): a reload of an unchanged version keeps the same object.
   */
  private readonly versions = new Map<string, PublishedForm>();
  private readonly appIds = new Map<string, string>();
  /** The version each form had when last asked for: a read may start on it while `get` checks it. */
  private readonly latest = new Map<string, PublishedForm>();
  /** What is derived from published definitions elsewhere (which forms aggregate which) and goes with them. */
  private readonly forgetListeners: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    ttlMs = PUBLISHED_FORM_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.current = new ExpiringCache(ttlMs, MAX_CACHED, now);
  }

  /**
   * The form's current published version; NOT_FOUND when the form is missing or deleted, CONFLICT when
   * it was never published. `fresh` asks the database even when a remembered answer is still valid.
   */
  async get(formId: string, db: Db = this.db, options: { fresh?: boolean } = {}): Promise<PublishedForm> {
    return this.current.get(formId, () => this.lookUp(formId, db), options.fresh);
  }

  private async lookUp(formId: string, db: Db): Promise<PublishedForm> {
    const row = await db
      .selectFrom("forms")
      .innerJoin("apps", "apps.id", "forms.app_id")
      .select(["forms.published_version", "forms.storage_revision", "forms.app_id"])
      .where("forms.id", "=", formId)
      .where("forms.deleted_at", "is", null)
      .where("apps.deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) {
      this.current.delete(formId);
      throw new FormworkError("NOT_FOUND", "No such form");
    }
    this.appIds.set(formId, row.app_id);
    if (row.published_version === 0) {
      throw new FormworkError(
        "CONFLICT",
        "The form has not been published yet; publish it before adding records",
      );
    }
    const key = `${formId}@${row.published_version}.${row.storage_revision}`;
    const form = this.versions.get(key) ?? (await this.load(key, formId, db));
    if (this.latest.size >= MAX_CACHED) this.latest.clear();
    this.latest.set(formId, form);
    return form;
  }

  private async load(key: string, formId: string, db: Db): Promise<PublishedForm> {
    const loaded = await loadPublishedForm(db, formId);
    if (!loaded) throw new FormworkError("NOT_FOUND", "No such form");
    if (this.versions.size >= MAX_CACHED) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(key, loaded);
    return loaded;
  }

  /**
   * The form as `get` last returned it, without asking the database: only a guess, which a caller must
   * confirm with `get` (the object is the same when nothing was published since).
   */
  lastKnown(formId: string): PublishedForm | undefined {
    return this.latest.get(formId);
  }

  /**
   * Call after a change to the form's storage commits (a publish, a view's index built) or a delete;
   * without a form id, forgets every form (an app deleted).
   */
  forget(formId?: string): void {
    for (const listener of this.forgetListeners) listener();
    this.current.delete(formId);
  }

  /** Runs `listener` on every `forget`. */
  onForget(listener: () => void): void {
    this.forgetListeners.push(listener);
  }

  /** The app a form belongs to (forms never move between apps). */
  async appIdOf(formId: string, db: Db = this.db): Promise<string> {
    const known = this.appIds.get(formId);
    if (known) return known;
    const row = await db.selectFrom("forms").select("app_id").where("id", "=", formId).executeTakeFirst();
    if (!row) throw new FormworkError("NOT_FOUND", "No such form");
    if (this.appIds.size >= 10 * MAX_CACHED) this.appIds.clear();
    this.appIds.set(formId, row.app_id);
    return row.app_id;
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** The app's published-form cache; code that publishes, deletes or re-indexes forms calls `forget`. */
    publishedForms: PublishedForms;
  }
}
