import { loadFeatureTexts } from "../i18n/lazy-texts";

/** The flow administration bar's texts, loaded with their chunk (see i18n/lazy-texts.ts); await before rendering. */
export const textsReady: Promise<void> = loadFeatureTexts("flow-admin");
