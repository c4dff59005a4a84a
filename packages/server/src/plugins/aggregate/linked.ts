// The forms an aggregation reaches through link fields (`via`), each with the caller's own rights on
// it: no view right on the linked form, or a hidden field of it, is FORBIDDEN_FIELD at the pointer;
// its row condition goes into the join, so a record the caller may not see reveals nothing.
import { aggregatedFields, type LinkedSource, type PublishedForm } from "@formwork/db";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { forbiddenField } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";

export interface LinkedUse {
  via: string;
  field?: string;
  /** Pointer to the request item naming it (`/groupBy/0`). */
  path: string;
}

/** Loads a form of the same app by key; null when there is none (or it is unpublished). */
export type FormByKey = (key: string) => Promise<PublishedForm | null>;

export async function linkedSources(
  db: Db,
  principal: Principal,
  form: PublishedForm,
  subform: string | undefined,
  uses: LinkedUse[],
  formByKey: FormByKey,
  timeZone: string,
): Promise<Record<string, LinkedSource>> {
  const links: Record<string, LinkedSource> = {};
  const fields = aggregatedFields(form, subform);
  const hiddenOf = new Map<string, ReadonlySet<string>>();
  for (const use of uses) {
    const link = fields?.find((f) => f.id === use.via);
    // Unknown or non-link names are the db's to report (UNKNOWN_FIELD at the same pointer).
    if (link?.type !== "link") continue;
    if (!Object.hasOwn(links, use.via)) {
      const linked = await formByKey(link.form);
      if (!linked) continue;
      const scope = await recordScope(db, principal, linked, timeZone);
      if (!scope.actions.has("view")) throw forbiddenField(`${use.path}/via`, use.via);
      const filter = scope.where("view");
      links[use.via] = { form: linked, ...(filter ? { filter } : {}) };
      hiddenOf.set(use.via, new Set(scope.hiddenFields));
    }
    if (use.field !== undefined && hiddenOf.get(use.via)?.has(use.field)) {
      throw forbiddenField(`${use.path}/field`, use.field);
    }
  }
  return links;
}
