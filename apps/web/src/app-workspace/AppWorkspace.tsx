import { MenuOutlined } from "@ant-design/icons";
import { Button, Grid, Layout } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { useDocumentTitle } from "../common/use-document-title";
import { WorkspaceSidebar } from "./WorkspaceSidebar";
import styles from "./workspace.module.css";

// Only a phone opens the menu drawer, and only on demand: it stays out of every page's first download.
const Drawer = lazy(() => import("antd/es/drawer"));

/** Inside one app: its form menu beside the page on wide screens, in a drawer on phones. */
export function AppWorkspace() {
  const { t } = useTranslation();
  const { appId = "" } = useParams();
  const app = useApp(appId);
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Kept mounted after the first opening so that closing animates.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const wide = screens.md ?? true;
  useDocumentTitle(app.data?.name);

  if (app.isPending) return <PageLoading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => void app.refetch()} />;

  return (
    <Layout className={styles.workspace}>
      {wide ? (
        <Layout.Sider width={256} className={styles.sider}>
          <WorkspaceSidebar app={app.data} />
        </Layout.Sider>
      ) : (
        <>
          <div className={styles.mobileBar}>
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
              aria-label={t("workspace.menu")}
              data-testid="workspace-menu-button"
            />
            <strong className={styles.mobileTitle}>{app.data.name}</strong>
          </div>
          {drawerUsed && (
            <Suspense fallback={null}>
              <Drawer
                placement="left"
                open={drawerOpen}
                onClose={() => setDrawerOpen(false)}
                size={288}
                closable={false}
                styles={{ body: { padding: 0 } }}
              >
                <WorkspaceSidebar app={app.data} onNavigate={() => setDrawerOpen(false)} />
              </Drawer>
            </Suspense>
          )}
        </>
      )}
      <Layout.Content className={styles.main}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
