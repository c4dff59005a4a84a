import { LogoutOutlined } from "@ant-design/icons";
import { Avatar, Button, Dropdown, Grid } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser, useLogout } from "../api/use-session";
import styles from "./shell.module.css";

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase();

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          {
            key: "who",
            type: "group",
            label: (
              <div className={styles.userCard}>
                <strong>{user.name}</strong>
                <span>{user.email}</span>
                <span>{t(user.isAdmin ? "user.admin" : "user.member")}</span>
              </div>
            ),
          },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("user.logout"), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === "logout")
            logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) });
        },
      }}
    >
      <Button type="text" aria-label={t("user.menu")} className={styles.userButton} data-testid="user-menu">
        <Avatar size={28} style={{ background: "var(--fw-color-primary)" }}>
          {initial}
        </Avatar>
        {screens.sm && <span className={styles.userName}>{user.name}</span>}
      </Button>
    </Dropdown>
  );
}
