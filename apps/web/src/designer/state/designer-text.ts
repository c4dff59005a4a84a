// The designer's translation function, read by the many small components of the canvas and palette
// (a 200-field form has 200 cards). react-i18next's useTranslation builds a wrapper object for the i18n
// instance in every component that calls it (a copy of all its property descriptors): called once per
// card, that was the largest single cost of mounting the designer. The designer calls it once and
// shares the result; the value changes only when the language does, so memoised cards stay put.
import type { TFunction } from "i18next";
import { createContext, useContext } from "react";

export interface DesignerText {
  t: TFunction;
  language: string;
}

export const DesignerTextContext = createContext<DesignerText | null>(null);

export function useDesignerText(): DesignerText {
  const text = useContext(DesignerTextContext);
  if (!text) throw new Error("useDesignerText is used outside the designer");
  return text;
}
