import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { FormTab } from "./form-tabs";
import styles from "./forms.module.css";

/** The fill / data / design switch: links, so each tab has its own URL and history entry. */
export function FormTabBar({ basePath, tabs }: { basePath: string; tabs: readonly FormTab[] }) {
  const { t } = useTranslation();
  return (
    <nav className={styles.tabs}>
      {tabs.map((tab) => (
        <NavLink
          key={tab}
          to={`${basePath}/${tab}`}
          className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
          data-testid={`form-tab-${tab}`}
        >
          {tab === "permissions" || tab === "share" ? t(`${tab}.tab`) : t(`formTabs.${tab}`)}
        </NavLink>
      ))}
    </nav>
  );
}
