import { lazy, Suspense } from "react";
import { PageLoading } from "../common/PageLoading";

// The page (ECharts, the grid layout) is a chunk of its own behind this thin route module, so the
// router in the first download names one small chunk here, not every chunk the page needs.
const DashboardPage = lazy(async () => {
  const [page] = await Promise.all([
    import("./DashboardPage"),
    import("./texts").then((texts) => texts.textsReady),
  ]);
  return { default: page.DashboardPage };
});

/** The lazy route module of /apps/:appId/dashboards/:dashboardId. */
export function Component() {
  return (
    <Suspense fallback={<PageLoading />}>
      <DashboardPage />
    </Suspense>
  );
}
