import { FileTextOutlined } from "@ant-design/icons";
import { browserStorage, FormRenderer, prefillFromQuery } from "@formwork/renderer";
import type { Locale } from "@formwork/schema";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { api } from "../api/client";
import { useApp } from "../api/use-apps";
import { useAppFieldServices } from "../api/use-field-services";
import { useCurrentUser } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import { useMyRights } from "../permissions/use-permissions";

/**
 * The fill tab: the form's latest PUBLISHED version (never the draft being designed) rendered for
 * filling in, prefilled from the address bar, submitted to the records API. A lazy route module, so
 * its code (and the renderer's) loads only when the tab opens.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const [search] = useSearchParams();
  const user = useCurrentUser();
  const { data: app } = useApp(appId);
  // Fields hidden from or read-only for this user on the fill form (the server refuses them anyway).
  const { data: rights } = useMyRights(formId);
  const version = app?.forms.find((f) => f.id === formId)?.publishedVersion ?? 0;
  const published = useQuery({
    queryKey: ["forms", formId, "versions", version],
    queryFn: () => api.forms.version(formId, version),
    enabled: version > 0,
    // A published version never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const services = useAppFieldServices(appId);
  // The address bar is read once, when the form first shows: later navigation does not refill it.
  const [query] = useState(() => search.toString());
  const definition = published.data?.definition;
  const prefill = useMemo(() => (definition ? prefillFromQuery(definition, query) : {}), [definition, query]);
  const locale: Locale = i18n.language === "en" ? "en" : "zh-CN";

  if (version === 0)
    return (
      <StatusMessage
        icon={<FileTextOutlined />}
        title={t("renderer.notPublishedTitle")}
        text={t("renderer.notPublishedText")}
      />
    );
  if (published.isError)
    return <ErrorState error={published.error} onRetry={() => void published.refetch()} />;
  if (!definition) return <PageLoading />;

  return (
    <div style={{ padding: "8px 0 32px" }} data-testid="fill-page">
      <FormRenderer
        key={`${formId}:${version}`}
        form={definition}
        mode="fill"
        {...(rights ? { fieldPermissions: rights.createFields } : {})}
        locale={locale}
        services={services}
        prefill={prefill}
        draftStorage={browserStorage()}
        user={{ id: user.id }}
        onSubmit={(data) => api.records.create(formId, data, { idempotencyKey: crypto.randomUUID() })}
      />
    </div>
  );
}
