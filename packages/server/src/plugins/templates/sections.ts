// Installers of the sections other modules own (dashboards, automations). A section whose module is not
// on this server yet has no installer: the install skips it and reports FEATURE_NOT_AVAILABLE, and the
// bundle still carries it, so an upgrade installs it once the feature is here.
import type { PlaceholderMap } from "@formwork/db";
import type { BundleSection, BundleSectionItem } from "@formwork/schema";
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
}

export const sectionInstallers: Partial<Record<BundleSection, SectionInstaller>> = {};
