import { CheckSquareOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import styles from "./tasks.module.css";
import { useInboxCounts } from "./use-tasks";

/** The header's "待办" entry with the number of tasks waiting for the user. */
export function TasksNavLink() {
  const { t } = useTranslation();
  const counts = useInboxCounts();
  return (
    <NavLink
      to="/tasks"
      className={({ isActive }) => `${styles.navLink} ${isActive ? styles.navLinkActive : ""}`}
      data-testid="nav-tasks"
    >
      {/* A plain count, not antd's Badge: this link is on every page, the fill page's budget included. */}
      <span className={styles.navLabel}>
        <CheckSquareOutlined /> <span className={styles.navText}>{t("tasks.nav")}</span>
        {counts.data?.todo ? (
          <span className={styles.navCount} data-testid="nav-tasks-count">
            {counts.data.todo > 99 ? "99+" : counts.data.todo}
          </span>
        ) : null}
      </span>
    </NavLink>
  );
}
