// Imported by the web through its own subpath ("@formwork/schema/app-appearance"), so the app list
// does not pull the validators into the first page load.
// What an app may look like in the app list: an icon from this fixed set (the web maps each name to a
// glyph) and a `#rrggbb` colour. The server validates both; the set only ever grows.

export const APP_ICONS = [
  "app",
  "customer",
  "sales",
  "contract",
  "money",
  "cart",
  "product",
  "project",
  "calendar",
  "task",
  "chart",
  "document",
  "people",
  "service",
  "tool",
  "car",
  "home",
  "book",
  "mail",
  "phone",
  "flag",
  "star",
  "trophy",
  "rocket",
] as const;

export type AppIcon = (typeof APP_ICONS)[number];

export const APP_COLOUR_PATTERN = "^#[0-9a-f]{6}$";
