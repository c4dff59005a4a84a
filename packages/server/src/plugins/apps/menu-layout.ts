// The menu of an app: forms and dashboards (仪表盘) at the top level and in named groups (one level, as
// Jiandaoyun does), in the order an administrator dragged them. Stored as one jsonb layout on the app;
// the live forms and dashboards are the truth, so a layout is always read through `resolveMenu` and
// checked by `checkMenu` before a write.
import { type ErrorDetail, FormworkError, pointer } from "@formwork/schema";

export type MenuLeaf = { type: "form"; form: string } | { type: "dashboard"; dashboard: string };

export type MenuItem = MenuLeaf | { type: "group"; id: string; name: string; items: MenuLeaf[] };

export type MenuLayout = MenuItem[];

/** The app's live forms and dashboards, each in creation order. */
export interface MenuTargets {
  forms: readonly string[];
  dashboards: readonly string[];
}

/** A leaf's identity across both kinds (a form and a dashboard may share an id string). */
const keyOf = (leaf: MenuLeaf) => (leaf.type === "form" ? `f:${leaf.form}` : `d:${leaf.dashboard}`);

function leafOf(value: unknown): MenuLeaf | undefined {
  const item = value as Partial<Record<string, unknown>> | null;
  if (item?.type === "form" && typeof item.form === "string") return { type: "form", form: item.form };
  if (item?.type === "dashboard" && typeof item.dashboard === "string")
    return { type: "dashboard", dashboard: item.dashboard };
  return undefined;
}

/** A stored group's leaves; layouts saved before dashboards joined the menu hold `forms: string[]`. */
function storedLeaves(group: Partial<Record<string, unknown>>): unknown[] {
  if (Array.isArray(group.items)) return group.items;
  return Array.isArray(group.forms) ? group.forms.map((form) => ({ type: "form", form })) : [];
}

/**
 * The layout as the menu shows it: forms and dashboards deleted since are dropped, those created since
 * (or never placed) follow at the top level, forms then dashboards, in creation order.
 */
export function resolveMenu(stored: unknown, live: MenuTargets): MenuLayout {
  const liveKeys = new Set([
    ...live.forms.map((form) => keyOf({ type: "form", form })),
    ...live.dashboards.map((dashboard) => keyOf({ type: "dashboard", dashboard })),
  ]);
  const placed = new Set<string>();
  const take = (leaf: MenuLeaf | undefined): leaf is MenuLeaf => {
    if (!leaf) return false;
    const key = keyOf(leaf);
    if (!liveKeys.has(key) || placed.has(key)) return false;
    placed.add(key);
    return true;
  };
  const menu: MenuLayout = [];
  for (const item of Array.isArray(stored) ? (stored as Partial<Record<string, unknown>>[]) : []) {
    const leaf = leafOf(item);
    if (leaf) {
      if (take(leaf)) menu.push(leaf);
    } else if (item?.type === "group" && typeof item.id === "string" && typeof item.name === "string") {
      const items = storedLeaves(item).map(leafOf).filter(take);
      menu.push({ type: "group", id: item.id, name: item.name, items });
    }
  }
  for (const form of live.forms) if (take({ type: "form", form })) menu.push({ type: "form", form });
  for (const dashboard of live.dashboards)
    if (take({ type: "dashboard", dashboard })) menu.push({ type: "dashboard", dashboard });
  return menu;
}

/** What a member may see in the menu: forms they hold some right on, and whether dashboards show. */
export interface MenuAccess {
  forms: ReadonlySet<string>;
  /** Dashboards are read by every member who may open the app (see the dashboards plugin). */
  dashboards: boolean;
}

/**
 * The menu a member sees: only the forms they hold some right on, dashboards only if they may open
 * the app, and no group left empty by that (a closed form's name is not theirs to read).
 */
export function menuFor(menu: MenuLayout, access: MenuAccess): MenuLayout {
  const visible = (leaf: MenuLeaf) =>
    leaf.type === "form" ? access.forms.has(leaf.form) : access.dashboards;
  return menu.flatMap((item): MenuItem[] => {
    if (item.type !== "group") return visible(item) ? [item] : [];
    const items = item.items.filter(visible);
    return items.length > 0 ? [{ ...item, items }] : [];
  });
}

/** The leaves in menu order (groups in place, their leaves in order). */
function leaves(menu: MenuLayout): MenuLeaf[] {
  return menu.flatMap((item) => (item.type === "group" ? item.items : [item]));
}

/** The forms in menu order (groups in place, their forms in order). */
export function menuOrder(menu: MenuLayout): string[] {
  return leaves(menu).flatMap((leaf) => (leaf.type === "form" ? [leaf.form] : []));
}

/** The dashboards in menu order. */
export function dashboardOrder(menu: MenuLayout): string[] {
  return leaves(menu).flatMap((leaf) => (leaf.type === "dashboard" ? [leaf.dashboard] : []));
}

/**
 * A layout sent by the web, checked against the app's live forms and dashboards: every one named
 * exists and appears once, group ids are unique. Live ones it leaves out (created meanwhile by someone
 * else) are kept, at the end, by `resolveMenu`.
 */
export function checkMenu(menu: MenuLayout, live: MenuTargets): MenuLayout {
  const liveForms = new Set(live.forms);
  const liveDashboards = new Set(live.dashboards);
  const seen = new Set<string>();
  const seenGroups = new Set<string>();
  const details: ErrorDetail[] = [];
  const checkLeaf = (leaf: MenuLeaf, path: (string | number)[]) => {
    const known = leaf.type === "form" ? liveForms.has(leaf.form) : liveDashboards.has(leaf.dashboard);
    const at = pointer(...path, leaf.type);
    if (!known) details.push({ path: at, message: `not a ${leaf.type} of this app` });
    else if (seen.has(keyOf(leaf)))
      details.push({ path: at, message: `this ${leaf.type} is already in the menu` });
    seen.add(keyOf(leaf));
  };
  for (const [i, item] of menu.entries()) {
    if (item.type !== "group") {
      checkLeaf(item, ["menu", i]);
      continue;
    }
    if (seenGroups.has(item.id))
      details.push({ path: pointer("menu", i, "id"), message: "duplicate group id" });
    seenGroups.add(item.id);
    for (const [j, leaf] of item.items.entries()) checkLeaf(leaf, ["menu", i, "items", j]);
  }
  if (details.length)
    throw new FormworkError(
      "VALIDATION_FAILED",
      "The menu does not fit the app's forms and dashboards",
      details,
    );
  return resolveMenu(
    menu.map((item) => (item.type === "group" ? { ...item, name: item.name.trim() } : item)),
    live,
  );
}
