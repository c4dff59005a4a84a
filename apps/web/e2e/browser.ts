// Launches the system's Chromium through playwright-core (no browser is ever downloaded) with a
// throwaway profile, and keeps a screenshot of each named step.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), "screenshots");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1366, height: 860 } as const;

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Saves `<prefix>-<step>.png` under e2e/screenshots. */
  shot: (step: string) => Promise<void>;
  close: () => Promise<void>;
}

export function e2eSettings() {
  const url = process.env.FORMWORK_E2E_URL;
  if (!url) throw new Error("FORMWORK_E2E_URL is not set: run the browser tests through e2e/run.mjs");
  return {
    url,
    email: process.env.FORMWORK_E2E_ADMIN_EMAIL ?? "",
    password: process.env.FORMWORK_E2E_ADMIN_PASSWORD ?? "",
  };
}

export async function openBrowser(
  prefix: string,
  viewport: { width: number; height: number },
  options: { mobile?: boolean } = {},
): Promise<Session> {
  const profile = await mkdtemp(join(tmpdir(), "formwork-chromium-"));
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport,
    deviceScaleFactor: options.mobile ? 2 : 1,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    baseURL: e2eSettings().url,
    locale: "zh-CN",
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  let step = 0;
  return {
    context,
    page,
    shot: async (name) => {
      step += 1;
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${prefix}-${String(step).padStart(2, "0")}-${name}.png`),
      });
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
