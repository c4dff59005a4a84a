// A bundle's app menu: forms by key and dashboards by bundle id, in groups whose names are localised.
// An install maps them to the new app's ids and stores the layout through the menu's own check; an
// export maps the app's layout back (dashboards as `dashboard_<n>`, as the dashboards section names
// them). An upgrade leaves the menu as the app's administrators arranged it: forms and dashboards it
// adds join the end, as any new one does.
import { listDashboards } from "@formwork/db";
import type { BundleMenuItem, BundleMenuLeaf, Locale, TemplateBundle } from "@formwork/schema";
import type { Db } from "../../database";
import type { MenuItem, MenuLeaf } from "../apps/menu-layout";
import { getMenu, writeMenu } from "../apps/menu-store";
import { localized } from "./localized";

/** Writes the bundle's menu for a freshly installed app (nothing when the bundle has none). */
export async function installMenu(
  tx: Db,
  bundle: TemplateBundle,
  appId: string,
  ids: { forms: ReadonlyMap<string, string>; dashboards: ReadonlyMap<string, string> },
  locale: Locale,
): Promise<void> {
  if (!bundle.menu) return;
  // The bundle was validated: every key and id it names was installed.
  const leaf = (item: BundleMenuLeaf): MenuLeaf =>
    item.type === "form"
      ? { type: "form", form: ids.forms.get(item.form) as string }
      : { type: "dashboard", dashboard: ids.dashboards.get(item.dashboard) as string };
  await writeMenu(
    tx,
    appId,
    bundle.menu.map(
      (item): MenuItem =>
        item.type === "group"
          ? { type: "group", id: item.id, name: localized(item.name, locale), items: item.items.map(leaf) }
          : leaf(item),
    ),
  );
}

/** The app's menu as a bundle names it; `formKeys` maps the exported forms' ids to their keys. */
export async function exportMenu(
  db: Db,
  appId: string,
  formKeys: ReadonlyMap<string, string>,
): Promise<BundleMenuItem[]> {
  const dashboards = new Map(
    (await listDashboards(db, appId)).map((summary, i) => [summary.id, `dashboard_${i + 1}`]),
  );
  const leaf = (item: MenuLeaf): BundleMenuLeaf[] => {
    const key = item.type === "form" ? formKeys.get(item.form) : dashboards.get(item.dashboard);
    if (key === undefined) return [];
    return [item.type === "form" ? { type: "form", form: key } : { type: "dashboard", dashboard: key }];
  };
  return (await getMenu(db, appId)).menu.flatMap((item): BundleMenuItem[] =>
    item.type === "group" ? [{ ...item, items: item.items.flatMap(leaf) }] : leaf(item),
  );
}
