import { Empty } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import styles from "./workspace.module.css";

/** The app's page before a form is picked. */
export function WorkspaceHome() {
  const { t } = useTranslation();
  const { appId = "" } = useParams();
  const user = useCurrentUser();
  const { data: app } = useApp(appId);
  const hasForms = (app?.forms.length ?? 0) > 0;
  const description = hasForms ? (
    t("workspace.pickForm")
  ) : (
    <>
      <div>{t("workspace.noForms")}</div>
      <div>{t(user.isAdmin ? "workspace.noFormsAdminHint" : "workspace.noFormsMemberHint")}</div>
    </>
  );
  return (
    <div className={styles.home}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} />
    </div>
  );
}
