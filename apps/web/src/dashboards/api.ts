import { createDashboardsClient } from "@formwork/client";
import { i18n } from "../i18n/i18n";

/** The dashboards' API, built in their own chunk (see createDashboardsClient). */
export const dashboardsApi = createDashboardsClient({ locale: () => i18n.language });
