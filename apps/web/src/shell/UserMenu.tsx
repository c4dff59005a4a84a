import { ApartmentOutlined, LogoutOutlined } from "@ant-design/icons";
import { Avatar, Button, Grid, Popover } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser, useLogout } from "../api/use-session";
import styles from "./shell.module.css";

/** The avatar in the header: who is signed in, and signing out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const initial = Array.from((user.name || user.email).trim())[0]?.toUpperCase() ?? "";

  const content = (
    <div className={styles.userCard}>
      <strong>{user.name}</strong>
      <span>{user.email}</span>
      <span>{t(user.isAdmin ? "user.admin" : "user.member")}</span>
      {user.isAdmin && (
        <Button
          type="text"
          icon={<ApartmentOutlined />}
          className={styles.logout}
          onClick={() => {
            setOpen(false);
            navigate("/admin/org/members");
          }}
        >
          {t("admin.entry")}
        </Button>
      )}
      {user.isAdmin && (
        <Button
          type="text"
          className={styles.logout}
          onClick={() => {
            setOpen(false);
            navigate("/admin/audit");
          }}
          data-testid="nav-audit"
        >
          {t("audit.entry")}
        </Button>
      )}
      <Button
        danger
        type="text"
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        className={styles.logout}
        // Not mutate()'s onSettled: the hook's own onSettled clears the cache, which can unmount this menu
        // first, and React Query skips an unmounted caller's callbacks — sign-out then never left the page
        // (CI saw it once). The promise settles either way.
        onClick={() =>
          void logout
            .mutateAsync()
            .catch(() => undefined)
            .finally(() => navigate("/login", { replace: true }))
        }
      >
        {t("user.logout")}
      </Button>
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Button type="text" aria-label={t("user.menu")} className={styles.userButton} data-testid="user-menu">
        <Avatar size={28} className={styles.avatar}>
          {initial}
        </Avatar>
        {screens.sm && <span className={styles.userName}>{user.name}</span>}
      </Button>
    </Popover>
  );
}
