// A dashboard definition checked against the app's forms (their drafts: a designer may build a dashboard
// while publishing). The viewer's rights are applied later, when each widget's data is asked for.
import {
  type DashboardDefinition,
  type FormDefinition,
  FormworkError,
  validateDashboard,
} from "@formwork/schema";
import type { Db } from "../../database";

export async function checkDashboard(db: Db, appId: string, body: unknown): Promise<DashboardDefinition> {
  const rows = await db
    .selectFrom("forms")
    .select(["key", "definition"])
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .execute();
  const forms = new Map(rows.map((r) => [r.key, r.definition as FormDefinition]));
  const checked = validateDashboard(body, (key) => forms.get(key));
  if (!checked.ok) {
    throw new FormworkError(
      "INVALID_DEFINITION",
      "The dashboard has problems to fix before it is saved",
      checked.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    );
  }
  return checked.value;
}
