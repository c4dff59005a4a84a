import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import { localize } from "../common/localized-text";
import { NotFoundPage } from "../common/NotFoundPage";
import { useDocumentTitle } from "../common/use-document-title";
import { useMyRights } from "../permissions/use-permissions";
import { FormTabBar } from "./FormTabBar";
import { isFormTab, visibleTabs } from "./form-tabs";
import styles from "./forms.module.css";

/** One form: its name, publish state and the fill / data / design tabs above the tab's page. */
export function FormLayout() {
  const { t, i18n } = useTranslation();
  const { appId = "", formId = "" } = useParams();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const { data: app } = useApp(appId);
  const { data: rights, isPending } = useMyRights(formId);
  const form = app?.forms.find((f) => f.id === formId);
  const name = form ? localize(form.name, i18n.language) : undefined;
  useDocumentTitle(name && app ? `${name} · ${app.name}` : undefined);
  if (!form) return <NotFoundPage />;

  const segment = pathname.split("/").filter(Boolean).pop();
  const tabs = visibleTabs(rights ?? user);
  // The form's own path redirects to a tab; a tab this user may not open is as good as missing.
  const allowed = segment === formId || (isFormTab(segment) && tabs.includes(segment));

  // The status is a styled span rather than antd's Tag: this header is on every form page, the fill
  // page (with its 300 KB budget) included.
  return (
    <div className={styles.form}>
      <header className={styles.header}>
        <div className={styles.title}>
          <h1 className={styles.name}>{name}</h1>
          {form.publishedVersion > 0 ? (
            <span className={`${styles.status} ${styles.statusPublished}`}>
              {t("workspace.published", { version: form.publishedVersion })}
            </span>
          ) : (
            <span className={styles.status}>{t("workspace.unpublished")}</span>
          )}
        </div>
        <FormTabBar basePath={`/apps/${appId}/forms/${formId}`} tabs={tabs} />
      </header>
      {/* A member's rights are unknown until my-rights answers: show nothing rather than "not found". */}
      <div className={styles.body}>
        {allowed ? <Outlet /> : isPending && !user.isAdmin ? null : <NotFoundPage />}
      </div>
    </div>
  );
}
