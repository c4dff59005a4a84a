// Administrators' "new dashboard" button in the workspace menu's header: a lazy chunk of its own, so
// the fill page's first download does not grow. The dashboards themselves sit in the app's menu among
// its forms; a new one joins the menu at its end and opens in edit mode.
import { DashboardOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { queryKeys } from "../api/query-keys";
import { errorMessage } from "../common/error-message";
import { dashboardsApi } from "./api";

export { textsReady } from "./texts";

export default function NewDashboardButton({ appId, onPick }: { appId: string; onPick?: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => dashboardsApi.create(appId, { title: t("dashboards.untitled"), widgets: [] }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: queryKeys.app(appId), exact: true });
      onPick?.();
      navigate(`/apps/${appId}/dashboards/${created.id}`);
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  return (
    <Button
      size="small"
      type="text"
      icon={<DashboardOutlined />}
      loading={create.isPending}
      onClick={() => create.mutate()}
      aria-label={t("dashboards.new")}
      title={t("dashboards.new")}
      data-testid="new-dashboard"
    />
  );
}
