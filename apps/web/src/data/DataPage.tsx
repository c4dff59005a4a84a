import { DatabaseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { StatusMessage } from "../common/StatusMessage";
import { useMyRights } from "../permissions/use-permissions";
import { useWatchForm } from "../realtime/RealtimeProvider";
import { DataGrid } from "./DataGrid";
import { usePublishedForm } from "./use-published-form";

/** The data tab: the grid over the form's records, against its latest published definition. */
export function DataPage() {
  const { t } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const { version, published } = usePublishedForm(appId, formId);
  const { data: rights } = useMyRights(formId);
  // Rows others add, change or delete appear without a reload (hints refetch the grid's pages).
  useWatchForm(version === 0 ? undefined : formId);

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
  // Columns of fields hidden from this user are left out: the server sends no values for them and
  // refuses sorting or filtering on them.
  const shown = rights
    ? { ...definition, fields: definition.fields.filter((f) => rights.fields[f.id] !== "hidden") }
    : definition;
  return (
    <DataGrid
      key={formId}
      formId={formId}
      definition={shown}
      canImport={rights?.actions.includes("import") ?? false}
    />
  );
}
