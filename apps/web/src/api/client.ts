import { createClient } from "@formwork/client";
import { i18n } from "../i18n/i18n";

/** The app's one API client: same origin (the dev server proxies /api), messages in the UI language. */
export const api = createClient({ locale: () => i18n.language });
