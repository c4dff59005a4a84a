import { Navigate, useParams } from "react-router";
import { useApp } from "../api/use-apps";
import { useCurrentUser } from "../api/use-session";
import { useMyRights } from "../permissions/use-permissions";
import { landingTab } from "./form-tabs";

/** /apps/:appId/forms/:formId on its own opens the tab that suits the form and the user. */
export function FormIndexRedirect() {
  const { appId = "", formId = "" } = useParams();
  const user = useCurrentUser();
  const { data: app } = useApp(appId);
  const form = app?.forms.find((f) => f.id === formId);
  const { data: rights, isPending } = useMyRights(formId);
  // Wait for the rights: landing on a tab the user may not open would show "not found".
  if (isPending) return null;
  return <Navigate to={form ? landingTab(rights ?? user, form) : "fill"} replace />;
}
