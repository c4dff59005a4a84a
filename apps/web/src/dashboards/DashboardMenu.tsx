// The app's dashboards in the workspace menu, below its forms: a lazy chunk of its own, so the fill
// page's first download does not grow. Administrators create one here (then land in its edit mode).
import { DashboardOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button } from "antd";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router";
import { useCurrentUser } from "../api/use-session";
import styles from "../app-workspace/workspace.module.css";
import { errorMessage } from "../common/error-message";
import { dashboardsApi } from "./api";

export { textsReady } from "./texts";

export default function DashboardMenu({ appId, onPick }: { appId: string; onPick?: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ["dashboards", appId, "list"],
    queryFn: () => dashboardsApi.list(appId),
  });
  const create = useMutation({
    mutationFn: () => dashboardsApi.create(appId, { title: t("dashboards.untitled"), widgets: [] }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: ["dashboards", appId, "list"] });
      onPick?.();
      navigate(`/apps/${appId}/dashboards/${created.id}`);
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const dashboards = list.data ?? [];
  if (dashboards.length === 0 && !user.isAdmin) return null;
  return (
    <>
      <div className={styles.sectionHead}>
        <span>{t("dashboards.menu")}</span>
        {user.isAdmin && (
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            loading={create.isPending}
            onClick={() => create.mutate()}
            aria-label={t("dashboards.new")}
            title={t("dashboards.new")}
            data-testid="new-dashboard"
          />
        )}
      </div>
      <ul className={styles.menu} data-testid="dashboard-menu">
        {dashboards.map((d) => (
          <li key={d.id} className={styles.row}>
            <NavLink
              to={`/apps/${appId}/dashboards/${d.id}`}
              className={({ isActive }) => `${styles.menuItem} ${isActive ? styles.menuItemActive : ""}`}
              onClick={onPick}
            >
              <DashboardOutlined />
              <span className={styles.menuName}>{d.title}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </>
  );
}
