import type { FormulaDiagnostic } from "@formwork/expressions";
import type { TFunction } from "i18next";

/**
 * A formula diagnostic in the UI language: its key's text from the catalogs, with the values it names
 * (a found token quoted, or "the end of the formula"; a type by its name). The English message is the
 * fallback for a diagnostic without a detail.
 */
export function diagnosticText(diagnostic: FormulaDiagnostic, t: TFunction): string {
  const detail = diagnostic.detail;
  if (!detail) return diagnostic.message;
  const params: Record<string, string | number> = { ...detail.params };
  if (["expectedOperator", "unclosedParen", "expectedValue", "expectedSeparator"].includes(detail.key)) {
    params.found =
      params.found === undefined
        ? t("formulaIssues.theEnd")
        : t("formulaIssues.quoted", { text: params.found, interpolation: { escapeValue: false } });
  }
  if (typeof params.type === "string") params.type = t(`formulaIssues.type.${params.type}`);
  return t(`formulaIssues.${detail.key}`, {
    ...params,
    defaultValue: diagnostic.message,
    interpolation: { escapeValue: false },
  });
}
