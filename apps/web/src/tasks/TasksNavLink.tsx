import { CheckSquareOutlined } from "@ant-design/icons";
import { Badge } from "antd";
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
      <Badge count={counts.data?.todo ?? 0} size="small" offset={[6, -2]}>
        <span className={styles.navLabel}>
          <CheckSquareOutlined /> <span className={styles.navText}>{t("tasks.nav")}</span>
        </span>
      </Badge>
    </NavLink>
  );
}
