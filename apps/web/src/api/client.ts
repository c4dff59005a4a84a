import { type ClientOptions, createClient } from "@formwork/client";
import { i18n } from "../i18n/i18n";

/** Same origin (the dev server proxies /api), messages in the UI language; lazily built clients reuse it. */
export const clientOptions: ClientOptions = { locale: () => i18n.language };

/** The app's one API client. */
export const api = createClient(clientOptions);
