import { BellOutlined } from "@ant-design/icons";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import tasks from "../tasks/tasks.module.css";
import styles from "./notifications.module.css";
import { useUnreadCount } from "./use-notifications";

// The panel (antd Drawer and friends) loads on the first click: the bell is on every page, the fill
// page's first-load budget included.
const NotificationPanel = lazy(() => import("./NotificationPanel"));

/** The header's bell with the unread count; opens the notification centre. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount().data?.unread ?? 0;
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`${tasks.navLink} ${styles.bell}`}
        aria-label={t("notifications.title")}
        data-testid="nav-notifications"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <span className={tasks.navLabel}>
          <BellOutlined />
          {count > 0 ? (
            <span className={tasks.navCount} data-testid="nav-notifications-count">
              {count > 99 ? "99+" : count}
            </span>
          ) : null}
        </span>
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <NotificationPanel open={open} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
