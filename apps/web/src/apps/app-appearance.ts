import { APP_ICONS, type AppIcon } from "@formwork/schema/app-appearance";
import { APP_COLOURS } from "../theme/theme";

export interface AppAppearance {
  colour: string;
  /** The first character of the name (a whole CJK character or emoji, never half a surrogate pair). */
  initial: string;
  /** The icon an administrator picked, if any (else the initial is shown). */
  icon?: AppIcon;
}

export interface AppLook {
  id: string;
  name: string;
  icon?: string | null;
  colour?: string | null;
}

/** FNV-1a: a stable, well-spread hash so an app keeps its colour across visits and machines. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

const isAppIcon = (value: string | null | undefined): value is AppIcon =>
  (APP_ICONS as readonly (string | null | undefined)[]).includes(value);

/** The colour derived from the id: what an app shows until an administrator picks one. */
export function defaultColour(id: string): string {
  return APP_COLOURS[hash(id) % APP_COLOURS.length]!;
}

export function appAppearance(app: AppLook): AppAppearance {
  const first = Array.from(app.name.trim())[0] ?? "?";
  return {
    colour: app.colour || defaultColour(app.id),
    initial: first.toUpperCase(),
    ...(isAppIcon(app.icon) ? { icon: app.icon } : {}),
  };
}
