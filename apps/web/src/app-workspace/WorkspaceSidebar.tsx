import { ArrowLeftOutlined, FolderAddOutlined, PlusOutlined, SettingOutlined } from "@ant-design/icons";
import type { AppWithForms } from "@formwork/client";
import { Button } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { AppAvatar } from "../apps/AppAvatar";
import { FormMenu } from "./FormMenu";
import styles from "./workspace.module.css";

// Loaded when an administrator first opens it, so members and the fill page never download it.
const AppSettingsModal = lazy(async () => ({
  default: (await import("./AppSettingsModal")).AppSettingsModal,
}));
const CreateFormModal = lazy(async () => ({ default: (await import("./CreateFormModal")).CreateFormModal }));
// The dashboards' own chunk, for administrators: the menu's first paint (and the fill page) never
// wait for it.
const NewDashboardButton = lazy(async () => {
  const button = await import("../dashboards/NewDashboardButton");
  await button.textsReady;
  return button;
});

/**
 * The app's name, its menu of forms and dashboards and (for administrators) ways to add them. Shared
 * by sider and drawer.
 */
export function WorkspaceSidebar({ app, onNavigate }: { app: AppWithForms; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // App admins run the app's automations and webhooks too (the server lets them: auth "appAdmin").
  const manages = user.isAdmin || app.canManage === true;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const [creatingGroup, setCreatingGroup] = useState(false);

  return (
    <div className={styles.sidebar}>
      <Link to="/apps" className={styles.back} onClick={onNavigate}>
        <ArrowLeftOutlined /> {t("common.backToApps")}
      </Link>
      <div className={styles.appHead}>
        <AppAvatar app={app} size={36} />
        <strong className={styles.appName} title={app.name}>
          {app.name}
        </strong>
        {user.isAdmin && (
          <Button
            size="small"
            type="text"
            icon={<SettingOutlined />}
            onClick={() => setConfiguring(true)}
            aria-label={t("appSettings.open")}
            title={t("appSettings.open")}
            className={styles.appSettings}
          />
        )}
      </div>
      <div className={styles.sectionHead}>
        <span>{t("workspace.forms")}</span>
        {user.isAdmin && (
          <span className={styles.sectionActions}>
            <Button
              size="small"
              type="text"
              icon={<FolderAddOutlined />}
              onClick={() => setCreatingGroup(true)}
              aria-label={t("menu.newGroup")}
              title={t("menu.newGroup")}
              data-testid="menu-new-group"
            />
            <Button
              size="small"
              type="text"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              aria-label={t("workspace.newForm")}
              title={t("workspace.newForm")}
            />
            <Suspense fallback={null}>
              <NewDashboardButton appId={app.id} onPick={onNavigate} />
            </Suspense>
          </span>
        )}
      </div>
      <FormMenu
        app={app}
        creatingGroup={creatingGroup}
        onGroupCreated={() => setCreatingGroup(false)}
        onPick={onNavigate}
      />
      {manages && (
        <Link
          to={`/apps/${app.id}/automations`}
          className={styles.toolLink}
          onClick={onNavigate}
          data-testid="workspace-automations"
        >
          {t("menu.automations")}
        </Link>
      )}
      {manages && (
        <Link
          to={`/apps/${app.id}/webhooks`}
          className={styles.toolLink}
          onClick={onNavigate}
          data-testid="menu-webhooks"
        >
          {t("menu.webhooks")}
        </Link>
      )}
      {configuring && (
        <Suspense>
          <AppSettingsModal app={app} onClose={() => setConfiguring(false)} />
        </Suspense>
      )}
      {creating && (
        <Suspense>
          <CreateFormModal
            appId={app.id}
            takenKeys={app.forms.map((form) => form.key)}
            onClose={() => setCreating(false)}
            onCreated={(form) => {
              setCreating(false);
              onNavigate?.();
              navigate(`/apps/${app.id}/forms/${form.id}/design`);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
