import { Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate, useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import { localize } from "../common/localized-text";
import { NotFoundPage } from "../common/NotFoundPage";
import { isFormTab, visibleTabs } from "./form-tabs";
import styles from "./forms.module.css";

/** One form: its name, publish state and the fill / data / design tabs above the tab's page. */
export function FormLayout() {
  const { t, i18n } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { data: app } = useApp(appId);
  const form = app?.forms.find((f) => f.id === formId);
  if (!form) return <NotFoundPage />;

  const segment = pathname.split("/").pop();
  const tabs = visibleTabs(user);
  const active = isFormTab(segment) && tabs.includes(segment) ? segment : undefined;

  return (
    <div className={styles.form}>
      <header className={styles.header}>
        <div className={styles.title}>
          <Typography.Title level={4} ellipsis style={{ margin: 0 }}>
            {localize(form.name, i18n.language)}
          </Typography.Title>
          {form.publishedVersion > 0 ? (
            <Tag color="success">{t("workspace.published", { version: form.publishedVersion })}</Tag>
          ) : (
            <Tag>{t("workspace.unpublished")}</Tag>
          )}
        </div>
        <Tabs
          activeKey={active}
          onChange={(tab) => navigate(`/apps/${appId}/forms/${formId}/${tab}`)}
          items={tabs.map((tab) => ({ key: tab, label: t(`formTabs.${tab}`) }))}
          className={styles.tabs}
        />
      </header>
      <div className={styles.body}>{active ? <Outlet /> : <NotFoundPage />}</div>
    </div>
  );
}
