// The tabs of a form, in display order, and which ones a user may open: what the server's
// GET /api/forms/:form/my-rights answers decides (fill needs `create`, data `view`, design and
// permissions and share the app's admins). The server enforces all of it; the tabs only avoid dead ends.
export const FORM_TABS = ["fill", "data", "design", "permissions", "share"] as const;
export type FormTab = (typeof FORM_TABS)[number];

export function isFormTab(value: string | undefined): value is FormTab {
  return (FORM_TABS as readonly string[]).includes(value ?? "");
}

export interface TabRights {
  actions: readonly string[];
  canDesign: boolean;
  canManagePermissions: boolean;
}

/**
 * Rights before the server answered: administrators have all; members are assumed to have none (a form
 * without a permission set including them is closed to them), so no tab flashes that they cannot use.
 */
export function rightsOf(who: TabRights | { isAdmin: boolean }): TabRights {
  if ("actions" in who) return who;
  return {
    actions: who.isAdmin ? ["create", "view"] : [],
    canDesign: who.isAdmin,
    canManagePermissions: who.isAdmin,
  };
}

export function visibleTabs(who: TabRights | { isAdmin: boolean }): FormTab[] {
  const rights = rightsOf(who);
  return FORM_TABS.filter((tab) => {
    if (tab === "fill") return rights.actions.includes("create");
    if (tab === "data") return rights.actions.includes("view");
    if (tab === "design") return rights.canDesign;
    return rights.canManagePermissions;
  });
}

/** Where opening a form lands: an unpublished form opens in its designer (if allowed), else fill or data. */
export function landingTab(
  who: TabRights | { isAdmin: boolean },
  form: { publishedVersion: number },
): FormTab {
  const rights = rightsOf(who);
  if (form.publishedVersion === 0 && rights.canDesign) return "design";
  if (rights.actions.includes("create")) return "fill";
  if (rights.actions.includes("view")) return "data";
  return visibleTabs(rights)[0] ?? "fill";
}
