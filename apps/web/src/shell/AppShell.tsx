import { Flex, Layout } from "antd";
import { Link, Outlet } from "react-router";
import { NotificationBell } from "../notifications/NotificationBell";
import { RealtimeProvider } from "../realtime/RealtimeProvider";
import { TasksNavLink } from "../tasks/TasksNavLink";
import { Brand } from "./Brand";
import { LanguageSwitch } from "./LanguageSwitch";
import styles from "./shell.module.css";
import { UserMenu } from "./UserMenu";

/** The signed-in frame: a slim header with the brand, language and account, and the page below. */
export function AppShell() {
  return (
    <RealtimeProvider>
      <Layout className={styles.shell}>
        <Layout.Header className={styles.header}>
          <Link to="/apps" className={styles.brandLink}>
            <Brand />
          </Link>
          <Flex align="center" gap={4}>
            <TasksNavLink />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </RealtimeProvider>
  );
}
