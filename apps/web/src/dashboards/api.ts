import { createDashboardsClient } from "@formwork/client";
import { clientOptions } from "../api/client";

/** The dashboards' API, built in their own chunk (see createDashboardsClient). */
export const dashboardsApi = createDashboardsClient(clientOptions);
