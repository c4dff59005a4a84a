// The wizard's texts travel with its lazy chunk instead of the catalogs every page loads eagerly
// (src/*/locales): the first-visit budget of the fill page has no room for them. The eager catalog
// holds only the button's label; these are added under the `importWizard` namespace on first open.
import { i18n } from "../i18n/i18n";
import en from "./wizard-locales/en.json";
import zhCN from "./wizard-locales/zh-CN.json";

export const WIZARD_NS = "importWizard";

let added = false;

export function addWizardTexts(): void {
  if (added) return;
  added = true;
  for (const [language, texts] of [
    ["zh-CN", zhCN],
    ["en", en],
  ] as const) {
    i18n.addResourceBundle(language, "translation", { [WIZARD_NS]: texts }, true, false);
  }
}
