export {
  type DashboardSummary,
  deleteDashboard,
  getDashboard,
  insertDashboard,
  listDashboards,
  type StoredDashboard,
  updateDashboard,
} from "./repository";
