// The form menu of an app: forms at the top level and in named groups (one level, as Jiandaoyun does),
// in the order an administrator dragged them. Stored as one jsonb layout on the app; the live forms are
// the truth, so a layout is always read through `resolveMenu` and checked by `checkMenu` before a write.
import { type ErrorDetail, FormworkError, pointer } from "@formwork/schema";

export type MenuItem =
  | { type: "form"; form: string }
  | { type: "group"; id: string; name: string; forms: string[] };

export type MenuLayout = MenuItem[];

/**
 * The layout as the menu shows it: forms deleted since are dropped, forms created since (or never
 * placed) follow at the top level in creation order. `liveForms` is in creation order.
 */
export function resolveMenu(stored: unknown, liveForms: readonly string[]): MenuLayout {
  const live = new Set(liveForms);
  const placed = new Set<string>();
  const take = (id: unknown): id is string => {
    if (typeof id !== "string" || !live.has(id) || placed.has(id)) return false;
    placed.add(id);
    return true;
  };
  const menu: MenuLayout = [];
  for (const item of Array.isArray(stored) ? (stored as Partial<Record<string, unknown>>[]) : []) {
    if (item?.type === "form" && take(item.form)) menu.push({ type: "form", form: item.form });
    else if (item?.type === "group" && typeof item.id === "string" && typeof item.name === "string") {
      const forms = Array.isArray(item.forms) ? item.forms.filter(take) : [];
      menu.push({ type: "group", id: item.id, name: item.name, forms });
    }
  }
  for (const id of liveForms) if (take(id)) menu.push({ type: "form", form: id });
  return menu;
}

/**
 * The menu a member sees: only the forms they hold some right on, and no group left empty by that
 * (a closed form's name is not theirs to read).
 */
export function menuFor(menu: MenuLayout, allowed: ReadonlySet<string>): MenuLayout {
  return menu.flatMap((item): MenuItem[] => {
    if (item.type === "form") return allowed.has(item.form) ? [item] : [];
    const forms = item.forms.filter((id) => allowed.has(id));
    return forms.length > 0 ? [{ ...item, forms }] : [];
  });
}

/** The forms in menu order (groups in place, their forms in order). */
export function menuOrder(menu: MenuLayout): string[] {
  return menu.flatMap((item) => (item.type === "form" ? [item.form] : item.forms));
}

/**
 * A layout sent by the web, checked against the app's live forms: every form named exists and appears
 * once, group ids are unique. Live forms it leaves out (created meanwhile by someone else) are kept,
 * at the end, by `resolveMenu`.
 */
export function checkMenu(menu: MenuLayout, liveForms: readonly string[]): MenuLayout {
  const live = new Set(liveForms);
  const seenForms = new Set<string>();
  const seenGroups = new Set<string>();
  const details: ErrorDetail[] = [];
  const checkForm = (id: string, path: string) => {
    if (!live.has(id)) details.push({ path, message: "not a form of this app" });
    else if (seenForms.has(id)) details.push({ path, message: "this form is already in the menu" });
    seenForms.add(id);
  };
  for (const [i, item] of menu.entries()) {
    if (item.type === "form") {
      checkForm(item.form, pointer("menu", i, "form"));
      continue;
    }
    if (seenGroups.has(item.id))
      details.push({ path: pointer("menu", i, "id"), message: "duplicate group id" });
    seenGroups.add(item.id);
    for (const [j, id] of item.forms.entries()) checkForm(id, pointer("menu", i, "forms", j));
  }
  if (details.length)
    throw new FormworkError("VALIDATION_FAILED", "The menu does not fit the app's forms", details);
  return resolveMenu(
    menu.map((item) => (item.type === "group" ? { ...item, name: item.name.trim() } : item)),
    liveForms,
  );
}
