// The automations section of a bundle: installed through the automations store (each item is an
// automation definition; `enabled` is bundle-only), exported back with users as member placeholders,
// and upgraded by stable key: a new key is added, an item the new version changed replaces the stored
// definition (same row, so its run log stays), an item the app has as the template gave it, or that the
// new version dropped, is left alone (an admin's edits and additions are kept).
import { isDeepStrictEqual } from "node:util";
import { insertAutomation, listAutomations, updateAutomation } from "@formwork/db";
import {
  type AutomationDefinition,
  automationOf,
  type BundleSectionItem,
  mapAutomationUsers,
} from "@formwork/schema";
import type { Db } from "../../database";
import { nextRunAt } from "../automations/schedule";
import type { SectionContext, SectionInstaller } from "./sections";

/** The stored form of a bundle item in this app: form id, definition with users, enabled. */
function stored(item: BundleSectionItem, ctx: SectionContext) {
  const { definition, enabled } = automationOf(item);
  const def = mapAutomationUsers(definition as AutomationDefinition, (id) => ctx.map.members[id]);
  const formId = ctx.formIds.get(def.form);
  if (!formId) throw new Error(`automation "${def.id}": the app has no form "${def.form}"`);
  // A date trigger is due at once (recheck 0): the poller then looks and schedules its next look.
  const next = nextRunAt(def.trigger, ctx.now, ctx.timeZone, 0);
  return { appId: ctx.appId, formId, definition: def, enabled, nextRunAt: next };
}

export const automations: SectionInstaller = {
  async install(tx, items, ctx) {
    for (const item of items) await insertAutomation(tx, stored(item, ctx), ctx.actorId);
    return items.length;
  },
  async export(db, appId, memberOf) {
    return (await listAutomations(db, appId)).map((a) => ({
      ...mapAutomationUsers(a.definition, (id) => memberOf(id)),
      ...(a.enabled ? {} : { enabled: false }),
    }));
  },
  nameOf: (item) => item.id,
  async existingNames(db: Db, appId: string) {
    return new Set((await listAutomations(db, appId)).map((a) => a.definition.id));
  },
  async upgrade(tx, items, ctx) {
    const have = new Map((await listAutomations(tx, ctx.appId)).map((a) => [a.definition.id, a]));
    // Compared by value: the installed bundle comes back from a JSON column with its keys reordered.
    const before = new Map((ctx.previous ?? []).map((item) => [item.id, item]));
    let count = 0;
    for (const item of items) {
      const current = have.get(item.id);
      if (current && isDeepStrictEqual(before.get(item.id), item)) continue;
      const input = stored(item, ctx);
      if (current) await updateAutomation(tx, current.id, { ...input, enabled: current.enabled });
      else await insertAutomation(tx, input, ctx.actorId);
      count++;
    }
    return count;
  },
};
