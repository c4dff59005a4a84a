// What a bundle's parts refer to: the forms a form links to, the placeholders a flow names, and the
// order in which sample data can be inserted (a record's links must point at records already written).
import type { Assignee, FieldDefinition, FormDefinition } from "../types";

/** Form keys a field reads from (link, related query, aggregation, data-linkage default). */
export function formsReadBy(field: FieldDefinition): string[] {
  const forms: string[] = [];
  if (field.type === "link" || field.type === "lookup" || field.type === "aggregate") forms.push(field.form);
  const linkage = field.default && "linkage" in field.default ? field.default.linkage : undefined;
  if (linkage) forms.push(linkage.form);
  return forms;
}

/** Every field with its pointer, sub-form columns included. */
export function* allFields(form: FormDefinition, base: string): Generator<[FieldDefinition, string]> {
  for (const [i, field] of (form.fields ?? []).entries()) {
    yield [field, `${base}/fields/${i}`];
    if (field.type === "subform") {
      for (const [j, column] of (field.fields ?? []).entries())
        yield [column, `${base}/fields/${i}/fields/${j}`];
    }
  }
}

/** Every assignee of a flow with its pointer (task nodes, CC nodes, escalations). */
export function* flowAssignees(form: FormDefinition, base: string): Generator<[Assignee, string]> {
  for (const [i, node] of (form.flow?.nodes ?? []).entries()) {
    const at = `${base}/flow/nodes/${i}`;
    if ("assignees" in node && Array.isArray(node.assignees)) {
      for (const [j, a] of node.assignees.entries()) yield [a, `${at}/assignees/${j}`];
    }
    const escalate = "deadline" in node ? node.deadline?.escalateTo : undefined;
    for (const [j, a] of (escalate ?? []).entries()) yield [a, `${at}/deadline/escalateTo/${j}`];
  }
}

/** The forms a form's link fields (top level and sub-form columns) point at, other than itself. */
export function linkTargets(form: FormDefinition): Set<string> {
  const targets = new Set<string>();
  for (const [field] of allFields(form, "")) {
    if (field.type === "link" && field.form !== form.key) targets.add(field.form);
  }
  return targets;
}

/**
 * Form keys in an order where every form comes after the forms it links to; null when links form a
 * cycle among `keys` (then `cycle` names one form on it).
 */
export function linkOrder(
  forms: readonly FormDefinition[],
  keys: readonly string[],
): { order: string[] } | { cycle: string } {
  const byKey = new Map(forms.map((f) => [f.key, f]));
  const wanted = new Set(keys);
  const state = new Map<string, "visiting" | "done">();
  const order: string[] = [];
  const visit = (key: string): string | null => {
    const s = state.get(key);
    if (s === "done") return null;
    if (s === "visiting") return key;
    state.set(key, "visiting");
    const form = byKey.get(key);
    for (const target of form ? linkTargets(form) : []) {
      if (!wanted.has(target)) continue;
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    state.set(key, "done");
    order.push(key);
    return null;
  };
  for (const key of keys) {
    const cycle = visit(key);
    if (cycle) return { cycle };
  }
  return { order };
}
