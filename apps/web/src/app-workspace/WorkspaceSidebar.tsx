import { ArrowLeftOutlined, PlusOutlined } from "@ant-design/icons";
import type { AppWithForms } from "@formwork/client";
import { Button, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { AppAvatar } from "../apps/AppAvatar";
import { CreateFormModal } from "./CreateFormModal";
import { FormMenu } from "./FormMenu";
import styles from "./workspace.module.css";

/** The app's name, its forms and (for administrators) a way to add one. Shared by sider and drawer. */
export function WorkspaceSidebar({ app, onNavigate }: { app: AppWithForms; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <div className={styles.sidebar}>
      <Link to="/apps" className={styles.back} onClick={onNavigate}>
        <ArrowLeftOutlined /> {t("common.backToApps")}
      </Link>
      <div className={styles.appHead}>
        <AppAvatar app={app} size={36} />
        <Typography.Text strong ellipsis className={styles.appName}>
          {app.name}
        </Typography.Text>
      </div>
      <div className={styles.sectionHead}>
        <Typography.Text type="secondary">{t("workspace.forms")}</Typography.Text>
        {user.isAdmin && (
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            aria-label={t("workspace.newForm")}
            title={t("workspace.newForm")}
          />
        )}
      </div>
      <FormMenu appId={app.id} forms={app.forms} onPick={onNavigate} />
      <CreateFormModal
        appId={app.id}
        takenKeys={app.forms.map((form) => form.key)}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(form) => {
          setCreating(false);
          onNavigate?.();
          navigate(`/apps/${app.id}/forms/${form.id}/design`);
        }}
      />
    </div>
  );
}
