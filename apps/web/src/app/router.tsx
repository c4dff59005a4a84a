import { createBrowserRouter, Navigate } from "react-router";
import { AppWorkspace } from "../app-workspace/AppWorkspace";
import { RequireSession } from "../auth/RequireSession";
import { NotFoundPage } from "../common/NotFoundPage";
import { PageLoading } from "../common/PageLoading";
import { FormIndexRedirect } from "../forms/FormIndexRedirect";
import { FormLayout } from "../forms/FormLayout";
import { AppShell } from "../shell/AppShell";

// Pages are lazy route modules, so a link straight to a form's fill page loads the shell and that page
// only: not the login page, the app list, the designer's code or the grid's.
export const router = createBrowserRouter([
  { path: "/login", lazy: async () => ({ Component: (await import("../auth/LoginPage")).LoginPage }) },
  { path: "/invite", lazy: () => import("../admin/JoinPage") },
  { path: "/f/:token", lazy: () => import("../public/PublicFillPage") },
  {
    element: <RequireSession />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <Navigate to="/apps" replace /> },
          {
            path: "apps",
            lazy: async () => ({ Component: (await import("../apps/AppListPage")).AppListPage }),
          },
          {
            path: "apps/:appId",
            element: <AppWorkspace />,
            children: [
              {
                index: true,
                lazy: async () => ({
                  Component: (await import("../app-workspace/WorkspaceHome")).WorkspaceHome,
                }),
              },
              { path: "dashboards/:dashboardId", lazy: () => import("../dashboards/DashboardRoute") },
              { path: "automations", lazy: () => import("../automations/AutomationsRoute") },
              {
                path: "forms/:formId",
                element: <FormLayout />,
                children: [
                  { index: true, element: <FormIndexRedirect /> },
                  { path: "fill", lazy: () => import("../forms/FillRoute") },
                  { path: "data", lazy: () => import("../forms/DataRoute") },
                  { path: "design", lazy: () => import("../forms/DesignRoute") },
                  { path: "permissions", lazy: () => import("../permissions/PermissionsRoute") },
                  { path: "share", lazy: () => import("../share/ShareRoute") },
                ],
              },
            ],
          },
          { path: "tasks", lazy: () => import("../tasks/inbox/TasksPage") },
          { path: "tasks/records/:formId/:recordId", lazy: () => import("../tasks/detail/RecordFlowPage") },
          { path: "tasks/:taskId", lazy: () => import("../tasks/detail/TaskPage") },
          { path: "admin/org/:tab?", lazy: () => import("../admin/OrgPage") },
          { path: "admin/audit", lazy: () => import("../admin-audit/AuditPage") },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
