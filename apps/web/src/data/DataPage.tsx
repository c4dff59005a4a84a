import { DatabaseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import { DataGrid } from "./DataGrid";
import { usePublishedForm } from "./use-published-form";

/** The data tab: the grid over the form's records, against its latest published definition. */
export function DataPage() {
  const { t } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const { version, published } = usePublishedForm(appId, formId);

  if (version === 0)
    return (
      <StatusMessage
        icon={<DatabaseOutlined />}
        title={t("data.notPublishedTitle")}
        text={t("data.notPublishedText")}
      />
    );
  if (published.isError)
    return <ErrorState error={published.error} onRetry={() => void published.refetch()} />;
  const definition = published.data?.definition;
  if (!definition) return <PageLoading />;
  return <DataGrid key={formId} formId={formId} definition={definition} />;
}
