// The tabs of a form, in display order, and which ones a user may open.
export const FORM_TABS = ["fill", "data", "design"] as const;
export type FormTab = (typeof FORM_TABS)[number];

export function isFormTab(value: string | undefined): value is FormTab {
  return (FORM_TABS as readonly string[]).includes(value ?? "");
}

/** Designing is for administrators; everyone signed in may fill in and see data (row rules apply server-side). */
export function visibleTabs(user: { isAdmin: boolean }): FormTab[] {
  return FORM_TABS.filter((tab) => tab !== "design" || user.isAdmin);
}

/** Where opening a form lands: an unpublished form has nothing to fill yet, so its designer (if allowed). */
export function landingTab(user: { isAdmin: boolean }, form: { publishedVersion: number }): FormTab {
  return form.publishedVersion === 0 && user.isAdmin ? "design" : "fill";
}
