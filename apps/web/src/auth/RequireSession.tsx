import { isApiError } from "@formwork/client";
import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../api/use-session";
import { ErrorState } from "../common/ErrorState";
import { PageLoading } from "../common/PageLoading";
import { loginPath } from "./login-path";

/** Renders its child routes only for a signed-in user; anyone else goes to the login page and back. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) {
      return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    }
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  }
  return <Outlet />;
}
