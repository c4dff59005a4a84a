// The one place the look is decided: antd's design tokens plus the few values our own CSS reads.
import type { ThemeConfig } from "antd";

export const FONT_STACK = [
  "-apple-system",
  "BlinkMacSystemFont",
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  "Roboto",
  '"Helvetica Neue"',
  "Arial",
  "sans-serif",
].join(", ");

export const PRIMARY = "#2563eb";
export const PAGE_BACKGROUND = "#f5f7fb";
export const HEADER_HEIGHT = 56;

/** Colours an app can wear (cards, menus); picked deterministically per app. */
export const APP_COLOURS = [
  "#2563eb",
  "#0ea5e9",
  "#14b8a6",
  "#22c55e",
  "#f59e0b",
  "#f97316",
  "#ef4444",
  "#ec4899",
  "#8b5cf6",
  "#6366f1",
] as const;

export const theme: ThemeConfig = {
  // antd declares its tokens as `--fw-*` variables on the `.fw` class; index.html puts that class on
  // <html> so our own CSS modules read the very same values.
  cssVar: { prefix: "fw", key: "fw" },
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorSuccess: "#16a34a",
    colorWarning: "#d97706",
    colorError: "#dc2626",
    colorTextBase: "#1f2937",
    colorBgLayout: PAGE_BACKGROUND,
    borderRadius: 8,
    borderRadiusLG: 12,
    fontFamily: FONT_STACK,
    fontSize: 14,
    controlHeight: 36,
    boxShadowTertiary: "0 1px 2px rgba(16, 24, 40, 0.06)",
  },
  components: {
    Layout: { headerBg: "#ffffff", headerHeight: HEADER_HEIGHT, headerPadding: "0 20px", siderBg: "#ffffff" },
    Menu: { itemBorderRadius: 8, itemMarginInline: 8, activeBarBorderWidth: 0 },
    Card: { paddingLG: 20 },
    Tabs: { horizontalMargin: "0" },
  },
};
