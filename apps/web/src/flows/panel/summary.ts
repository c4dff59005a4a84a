// One-line descriptions of who handles a node, for the cards and the read-only chart.
import type { Assignee, FormDefinition } from "@formwork/schema";
import type { TFunction } from "i18next";
import { localize } from "../../common/localized-text";
import { type Directory, nameOf } from "./directory";

export interface SummaryContext {
  t: TFunction;
  language: string;
  form: FormDefinition;
  directory: Directory;
}

export function fieldLabel(form: FormDefinition, id: string, language: string): string {
  const field = form.fields.find((f) => f.id === id);
  return (field && localize(field.label, language)) || id;
}

export function assigneeText(assignee: Assignee, c: SummaryContext): string {
  const { t } = c;
  if ("user" in assignee) return nameOf(c.directory.users, assignee.user);
  if ("role" in assignee)
    return t("flows.assignee.roleOf", { name: nameOf(c.directory.roles, assignee.role) });
  if ("department" in assignee)
    return t("flows.assignee.departmentOf", { name: nameOf(c.directory.departments, assignee.department) });
  if ("deptHead" in assignee) return t("flows.assignee.deptHeadOf", { count: assignee.deptHead });
  if ("managerChain" in assignee) return t("flows.assignee.managerChainOf", { count: assignee.managerChain });
  if ("field" in assignee)
    return t("flows.assignee.fieldOf", { name: fieldLabel(c.form, assignee.field, c.language) });
  return t("flows.assignee.initiator");
}

export function assigneesText(list: readonly Assignee[], c: SummaryContext): string {
  if (list.length === 0) return c.t("flows.assignee.none");
  return list.map((a) => assigneeText(a, c)).join(c.t("flows.separator"));
}
