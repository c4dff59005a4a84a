// Installers of the sections other modules own. Dashboards are stored by the dashboards module (its
// definition is the bundle item without its id; forms are named by key, so nothing needs mapping).
// Automations are stored by the automations module: the item is the definition (forms by key, fields by
// id, as the module stores it), its form key becomes the form's id and notify users' member
// placeholders become users. A section whose module is not on this server has no installer: the install
// skips it and reports FEATURE_NOT_AVAILABLE, and the bundle still carries it.
import { getDashboard, insertDashboard, listDashboards, type PlaceholderMap } from "@formwork/db";
import {
  type BundleSection,
  type BundleSectionItem,
  type DashboardDefinition,
  withoutId,
} from "@formwork/schema";
import type { Db } from "../../database";
import { automations } from "./section-automations";

export interface SectionContext {
  appId: string;
  formIds: Map<string, string>;
  map: PlaceholderMap;
  actorId: string;
  /** The instant schedules are computed from (the server's clock). */
  now: Date;
  timeZone: string;
  /** An export's member placeholder for a user id. */
  memberOf?: (userId: string) => string;
  /** Filled by an install: each item's bundle id → the id it was stored under (the menu names them). */
  storedIds?: Map<string, string>;
  /** For an upgrade: the items of the bundle the app was installed from (what the app was given). */
  previous?: readonly BundleSectionItem[];
}

export interface SectionInstaller {
  /** Writes the items in the install's transaction; answers how many were installed. */
  install(tx: Db, items: readonly BundleSectionItem[], ctx: SectionContext): Promise<number>;
  /** The app's items as bundle items, for an export (`memberOf` names users by placeholder). */
  export(db: Db, appId: string, memberOf: (userId: string) => string): Promise<BundleSectionItem[]>;
  /**
   * An upgrade of its own (by stable key) instead of adding the items whose name the app lacks;
   * answers how many were added or changed.
   */
  upgrade?(tx: Db, items: readonly BundleSectionItem[], ctx: SectionContext): Promise<number>;
  /** The names an upgrade matches existing items by (items whose name the app has are not added again). */
  nameOf(item: BundleSectionItem): string;
  existingNames(db: Db, appId: string): Promise<Set<string>>;
}

const dashboards: SectionInstaller = {
  async install(tx, items, ctx) {
    for (const item of items) {
      const saved = await insertDashboard(tx, ctx.appId, withoutId(item) as DashboardDefinition, ctx.actorId);
      ctx.storedIds?.set(item.id, saved.id);
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

export const sectionInstallers: Partial<Record<BundleSection, SectionInstaller>> = {
  dashboards,
  automations,
};
