import { loadFeatureTexts } from "../i18n/lazy-texts";

/** The webhooks page's texts, loaded with its chunk (see i18n/lazy-texts.ts); await before rendering. */
export const textsReady: Promise<void> = loadFeatureTexts("webhooks");
