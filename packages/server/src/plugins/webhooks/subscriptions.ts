// Which subscriptions of an app want an event, cached per app for a few seconds (every record write asks,
// and most apps have none). This process forgets an app's entry when its webhooks change; another
// process may send to (or skip) a changed subscription for up to CACHE_MS. Loads use the handle they are
// given: inside a write's transaction on PGlite, the root handle would wait for that very transaction.
import { enabledWebhooks, type StoredWebhook } from "@formwork/db";
import type { WebhookEvent } from "@formwork/schema";
import type { Db } from "../../database";
import { ExpiringCache } from "../../expiring-cache";

const CACHE_MS = 5_000;
const MAX_APPS = 2_000;

export class WebhookSubscriptions {
  private readonly byApp = new ExpiringCache<string, StoredWebhook[]>(CACHE_MS, MAX_APPS);

  async matching(db: Db, appId: string, formId: string, event: WebhookEvent): Promise<StoredWebhook[]> {
    const hooks = await this.ofApp(db, appId);
    return hooks.filter(
      (h) => h.events.includes(event) && (h.formIds.length === 0 || h.formIds.includes(formId)),
    );
  }

  /** Whether a subscription of the app may want events of the form (of any kind). */
  async anyFor(db: Db, appId: string, formId: string): Promise<boolean> {
    return wantsForm(await this.ofApp(db, appId), formId);
  }

  /**
   * Without touching the database: whether a subscription may want events of the form, as far as the
   * cache knows; null when it does not know (the caller assumes yes, and the listener's load fills it).
   */
  cachedAnyFor(appId: string, formId: string): boolean | null {
    const hooks = this.byApp.fresh(appId);
    return hooks === undefined ? null : wantsForm(hooks, formId);
  }

  forget(appId: string): void {
    this.byApp.delete(appId);
  }

  private ofApp(db: Db, appId: string): Promise<StoredWebhook[]> {
    return this.byApp.get(appId, () => enabledWebhooks(db, appId));
  }
}

function wantsForm(hooks: StoredWebhook[], formId: string): boolean {
  return hooks.some((h) => h.formIds.length === 0 || h.formIds.includes(formId));
}
