import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** "<page> · Formwork" in the browser tab, or just the product name while the page has none. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  const brand = t("brand.name");
  useEffect(() => {
    document.title = page ? `${page} · ${brand}` : brand;
  }, [page, brand]);
}
