import { createFieldServices, FormRenderer } from "@formwork/renderer";
import type { FormDefinition, Locale } from "@formwork/schema";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../../api/client";
import { useApp } from "../../api/use-apps";
import { FormPreview } from "./FormPreview";
import { PreviewBoundary } from "./PreviewBoundary";

/** The draft through the same renderer the fill page uses: live formulas and display rules, no submit. */
export function LivePreview({ definition }: { definition: FormDefinition }) {
  const { i18n } = useTranslation();
  const { appId = "" } = useParams();
  const { data: app } = useApp(appId);
  const services = useMemo(
    () =>
      createFieldServices({
        client: api,
        formIds: new Map((app?.forms ?? []).map((f) => [f.key, f.id])),
        locale: () => i18n.language,
      }),
    [app, i18n],
  );
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";
  return (
    <PreviewBoundary fallback={<FormPreview definition={definition} />}>
      <FormRenderer form={definition} mode="fill" locale={locale} services={services} />
    </PreviewBoundary>
  );
}
