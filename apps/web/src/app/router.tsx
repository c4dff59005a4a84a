import { createBrowserRouter, Navigate } from "react-router";
import { AppWorkspace } from "../app-workspace/AppWorkspace";
import { RequireSession } from "../auth/RequireSession";
import { NotFoundPage } from "../common/NotFoundPage";
import { PageLoading } from "../common/PageLoading";
import { FormIndexRedirect } from "../forms/FormIndexRedirect";
import { FormLayout } from "../forms/FormLayout";
import { loadFeatureTexts } from "../i18n/lazy-texts";
import { AppShell } from "../shell/AppShell";

/**
 * A route module whose pages show texts the first download leaves out (comments, views, formula issues,
 * flows; see i18n/lazy-texts.ts): the module and the texts load together.
 */
function withAllTexts<T>(module: Promise<T>): Promise<T> {
  const texts = (["comments", "data", "designer", "flows"] as const).map(loadFeatureTexts);
  return Promise.all([module, ...texts]).then(([loaded]) => loaded);
}

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
      // The print view is a bare A4 sheet: no app chrome around it.
      {
        path: "apps/:appId/forms/:formId/records/:recordId/print",
        lazy: () => import("../print/PrintRoute"),
      },
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
              { path: "webhooks", lazy: () => import("../webhooks/WebhooksRoute") },
              {
                path: "forms/:formId",
                element: <FormLayout />,
                children: [
                  { index: true, element: <FormIndexRedirect /> },
                  { path: "fill", lazy: () => import("../forms/FillRoute") },
                  { path: "data", lazy: () => withAllTexts(import("../forms/DataRoute")) },
                  { path: "design", lazy: () => withAllTexts(import("../forms/DesignRoute")) },
                  { path: "permissions", lazy: () => import("../permissions/PermissionsRoute") },
                  { path: "share", lazy: () => import("../share/ShareRoute") },
                ],
              },
            ],
          },
          {
            path: "templates",
            lazy: () =>
              import("../templates/texts")
                .then((texts) => texts.textsReady)
                .then(() => import("../templates/TemplateGalleryPage")),
          },
          { path: "tasks", lazy: () => withAllTexts(import("../tasks/inbox/TasksPage")) },
          {
            path: "tasks/records/:formId/:recordId",
            lazy: () => withAllTexts(import("../tasks/detail/RecordFlowPage")),
          },
          { path: "tasks/:taskId", lazy: () => withAllTexts(import("../tasks/detail/TaskPage")) },
          { path: "admin/org/:tab?", lazy: () => import("../admin/OrgPage") },
          { path: "admin/audit", lazy: () => import("../admin-audit/AuditPage") },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
