// Texts that travel inside a lazy chunk with the code that uses them (print view, flow administration):
// the chunk imports both languages and adds them once, so the first download of every page carries
// neither the texts nor an import stub for them (the fill page is at its budget). catalogs.ts excludes
// their folders from the eager catalogs.
import { i18n } from "./i18n";

type Catalog = Record<string, unknown>;

export function addChunkTexts(zhCN: Catalog, en: Catalog): void {
  i18n.addResourceBundle("zh-CN", "translation", zhCN, true, true);
  i18n.addResourceBundle("en", "translation", en, true, true);
}
