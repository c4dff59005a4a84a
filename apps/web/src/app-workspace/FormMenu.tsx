import { FileTextOutlined } from "@ant-design/icons";
import type { FormSummary } from "@formwork/client";
import { Badge } from "antd";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { useCurrentUser } from "../api/use-session";
import { localize } from "../common/localized-text";
import { isFormTab, landingTab } from "../forms/form-tabs";
import styles from "./workspace.module.css";

/** The app's forms as links; moving to another form keeps the tab the user is on. */
export function FormMenu({
  appId,
  forms,
  onPick,
}: {
  appId: string;
  forms: FormSummary[];
  onPick?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const currentTab = useLocation().pathname.split("/").filter(Boolean).pop();

  return (
    <nav aria-label={t("workspace.menu")}>
      <ul className={styles.menu}>
        {forms.map((form) => {
          const tab = isFormTab(currentTab) ? currentTab : landingTab(user, form);
          return (
            <li key={form.id}>
              <NavLink
                to={`/apps/${appId}/forms/${form.id}/${tab}`}
                className={({ isActive }) =>
                  isActive ? `${styles.menuItem} ${styles.menuItemActive}` : styles.menuItem
                }
                onClick={onPick}
              >
                <FileTextOutlined />
                <span className={styles.menuName}>{localize(form.name, i18n.language)}</span>
                {form.publishedVersion === 0 && <Badge status="default" title={t("workspace.unpublished")} />}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
