import { loadFeatureTexts } from "../i18n/lazy-texts";

/** The print view's texts, loaded with their chunk (see i18n/lazy-texts.ts); await before rendering. */
export const textsReady: Promise<void> = loadFeatureTexts("print");
