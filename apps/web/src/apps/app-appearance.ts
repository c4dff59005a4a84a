import { APP_COLOURS } from "../theme/theme";

export interface AppAppearance {
  colour: string;
  /** The first character of the name (a whole CJK character or emoji, never half a surrogate pair). */
  initial: string;
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

export function appAppearance(app: { id: string; name: string }): AppAppearance {
  const colour = APP_COLOURS[hash(app.id) % APP_COLOURS.length]!;
  const first = Array.from(app.name.trim())[0] ?? "?";
  return { colour, initial: first.toUpperCase() };
}
