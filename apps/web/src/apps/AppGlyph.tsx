import type { AppIcon } from "@formwork/schema/app-appearance";
import { APP_ICON_GLYPHS } from "./app-icons";

/** An app's icon glyph; its own chunk, so the two dozen icons never weigh on the first page load. */
export default function AppGlyph({ icon }: { icon: AppIcon }) {
  const Glyph = APP_ICON_GLYPHS[icon];
  return <Glyph />;
}
