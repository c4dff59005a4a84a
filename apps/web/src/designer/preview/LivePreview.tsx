import { FormRenderer } from "@formwork/renderer";
import type { FormDefinition, Locale } from "@formwork/schema";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useAppFieldServices } from "../../api/use-field-services";
import { FormPreview } from "./FormPreview";
import { PreviewBoundary } from "./PreviewBoundary";

/** The draft through the same renderer the fill page uses: live formulas and display rules, no submit. */
export function LivePreview({ definition }: { definition: FormDefinition }) {
  const { i18n } = useTranslation();
  const { appId = "" } = useParams();
  const services = useAppFieldServices(appId);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  return (
    <PreviewBoundary fallback={<FormPreview definition={definition} />}>
      <FormRenderer form={definition} mode="fill" locale={locale} services={services} />
    </PreviewBoundary>
  );
}
