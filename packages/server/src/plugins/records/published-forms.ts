// Published forms as the records path needs them, cached per (form, version): a version is immutable,
// so what is derived from it (the db's table model, compiled validators) is built once and reused by
// keeping the same object. Each request still asks the database which version is current (one
// primary-key read), so a publish (or a view's new index) on another instance is seen at once.
import { loadPublishedForm, type PublishedForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";

const MAX_CACHED = 500;

export class PublishedForms {
  private readonly cache = new Map<string, PublishedForm>();
  private readonly appIds = new Map<string, string>();
  /** The version each form had when last asked for: a read may start on it while `get` checks it. */
  private readonly latest = new Map<string, PublishedForm>();

  constructor(private readonly db: Db) {}

  /** The form's current published version; NOT_FOUND when the form is missing, deleted or unpublished. */
  async get(formId: string, db: Db = this.db): Promise<PublishedForm> {
    const current = await db
      .selectFrom("forms")
      .innerJoin("apps", "apps.id", "forms.app_id")
      .select(["forms.published_version", "forms.storage_revision", "forms.app_id"])
      .where("forms.id", "=", formId)
      .where("forms.deleted_at", "is", null)
      .where("apps.deleted_at", "is", null)
      .executeTakeFirst();
    if (!current) throw new FormworkError("NOT_FOUND", "No such form");
    this.appIds.set(formId, current.app_id);
    if (current.published_version === 0) {
      throw new FormworkError(
        "CONFLICT",
        "The form has not been published yet; publish it before adding records",
      );
    }
    // A view's index added to the current version bumps the storage revision: reload, so its fields count exactly.
    const key = `${formId}@${current.published_version}.${current.storage_revision}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.latest.set(formId, cached);
      return cached;
    }
    const loaded = await loadPublishedForm(db, formId);
    if (!loaded) throw new FormworkError("NOT_FOUND", "No such form");
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, loaded);
    if (this.latest.size >= MAX_CACHED) this.latest.clear();
    this.latest.set(formId, loaded);
    return loaded;
  }

  /**
   * The form as `get` last returned it, without asking the database: only a guess, which a caller must
   * confirm with `get` (the object is the same when nothing was published since).
   */
  lastKnown(formId: string): PublishedForm | undefined {
    return this.latest.get(formId);
  }

  /** The app a form belongs to (forms never move between apps). */
  async appIdOf(formId: string, db: Db = this.db): Promise<string> {
    const known = this.appIds.get(formId);
    if (known) return known;
    const row = await db.selectFrom("forms").select("app_id").where("id", "=", formId).executeTakeFirst();
    if (!row) throw new FormworkError("NOT_FOUND", "No such form");
    this.appIds.set(formId, row.app_id);
    return row.app_id;
  }
}
