import { DashboardOutlined, FileTextOutlined } from "@ant-design/icons";
import type { AppWithForms, MenuLeaf } from "@formwork/client";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useCurrentUser } from "../../api/use-session";
import { localize } from "../../common/localized-text";
import { isFormTab, landingTab } from "../../forms/form-tabs";
import styles from "../workspace.module.css";

/** How the menu draws one form or dashboard. */
export interface LeafView {
  name: string;
  to: string;
  icon: ReactNode;
  /** After the name: an unpublished form's dot. */
  badge?: ReactNode;
  /** The row's test id and the id of what it opens, for tests and styles. */
  data: Record<`data-${string}`, string>;
}

/**
 * The menu's forms and dashboards, their names in the UI language and where each links to (a form
 * keeping the current tab); undefined for one the app no longer holds.
 */
export function useMenuLinks(app: AppWithForms): (leaf: MenuLeaf) => LeafView | undefined {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const currentTab = useLocation().pathname.split("/").filter(Boolean).pop();
  const forms = useMemo(() => new Map(app.forms.map((form) => [form.id, form])), [app.forms]);
  const dashboards = useMemo(
    () => new Map((app.dashboards ?? []).map((one) => [one.id, one])),
    [app.dashboards],
  );
  return (leaf): LeafView | undefined => {
    if (leaf.type === "dashboard") {
      const dashboard = dashboards.get(leaf.dashboard);
      return dashboard
        ? {
            name: dashboard.title,
            to: `/apps/${app.id}/dashboards/${dashboard.id}`,
            icon: <DashboardOutlined />,
            data: { "data-testid": "menu-dashboard", "data-dashboard-id": dashboard.id },
          }
        : undefined;
    }
    const form = forms.get(leaf.form);
    if (!form) return undefined;
    // A member's rights on the form are not known here: their link opens the form's own path, which
    // waits for my-rights and lands on a tab they may open.
    const base = `/apps/${app.id}/forms/${form.id}`;
    return {
      name: localize(form.name, i18n.language) || form.key,
      to: isFormTab(currentTab)
        ? `${base}/${currentTab}`
        : user.isAdmin
          ? `${base}/${landingTab(user, form)}`
          : base,
      icon: <FileTextOutlined />,
      badge:
        form.publishedVersion === 0 ? (
          <span className={styles.unpublishedDot} title={t("workspace.unpublished")} />
        ) : undefined,
      data: { "data-testid": "menu-form", "data-form-id": form.id },
    };
  };
}
