// A published form of the same app as `formId`, found by its key (as link fields name their forms).
import type { PublishedForm } from "@formwork/db";
import type { Db } from "../../database";
import { formByKey } from "../records/link-fill";
import type { PublishedForms } from "../records/published-forms";

export async function publishedFormByKey(
  db: Db,
  forms: PublishedForms,
  formId: string,
  key: string,
): Promise<PublishedForm | null> {
  const id = await formByKey(db, await forms.appIdOf(formId), key);
  return id === null ? null : forms.get(id).catch(() => null);
}
