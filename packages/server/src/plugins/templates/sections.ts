// Installers of the sections other modules own. Dashboards are stored by the dashboards module (its
// definition is the bundle item without its id; forms are named by key, so nothing needs mapping). A
// section whose module is not on this server yet has no installer: the install skips it and reports
// FEATURE_NOT_AVAILABLE, and the bundle still carries it, so an upgrade installs it once the feature is here.
import { getDashboard, insertDashboard, listDashboards, type PlaceholderMap } from "@formwork/db";
import {
  type BundleSection,
  type BundleSectionItem,
  type DashboardDefinition,
  withoutId,
} from "@formwork/schema";
import type { Db } from "../../database";

export interface SectionContext {
  appId: string;
  formIds: Map<string, string>;
  map: PlaceholderMap;
  actorId: string;
}

export interface SectionInstaller {
  /** Writes the items in the install's transaction; answers how many were installed. */
  install(tx: Db, items: readonly BundleSectionItem[], ctx: SectionContext): Promise<number>;
  /** The app's items as bundle items, for an export. */
  export(db: Db, appId: string): Promise<BundleSectionItem[]>;
  /** The names an upgrade matches existing items by (items whose name the app has are not added again). */
  nameOf(item: BundleSectionItem): string;
  existingNames(db: Db, appId: string): Promise<Set<string>>;
}

const dashboards: SectionInstaller = {
  async install(tx, items, ctx) {
    for (const item of items) {
      await insertDashboard(tx, ctx.appId, withoutId(item) as DashboardDefinition, ctx.actorId);
    }
    return items.length;
  },
  async export(db, appId) {
    const items: BundleSectionItem[] = [];
    for (const [i, summary] of (await listDashboards(db, appId)).entries()) {
      const stored = await getDashboard(db, appId, summary.id);
      items.push({ id: `dashboard_${i + 1}`, ...(stored.definition as DashboardDefinition) });
    }
    return items;
  },
  nameOf: (item) => String(item.title ?? item.id),
  async existingNames(db, appId) {
    return new Set((await listDashboards(db, appId)).map((d) => d.title));
  },
};

export const sectionInstallers: Partial<Record<BundleSection, SectionInstaller>> = { dashboards };
