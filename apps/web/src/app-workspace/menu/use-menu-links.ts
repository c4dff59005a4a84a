import type { AppWithForms, FormSummary } from "@formwork/client";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useCurrentUser } from "../../api/use-session";
import { localize } from "../../common/localized-text";
import { isFormTab, landingTab } from "../../forms/form-tabs";

/** The menu's forms by id, their names in the UI language, and where each links to (keeping the tab). */
export function useMenuLinks(app: AppWithForms) {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const currentTab = useLocation().pathname.split("/").filter(Boolean).pop();
  const forms = useMemo(() => new Map(app.forms.map((form) => [form.id, form])), [app.forms]);
  return {
    forms,
    name: (form: FormSummary) => localize(form.name, i18n.language) || form.key,
    // A member's rights on the form are not known here: their link opens the form's own path, which
    // waits for my-rights and lands on a tab they may open.
    link: (form: FormSummary) => {
      const base = `/apps/${app.id}/forms/${form.id}`;
      if (isFormTab(currentTab)) return `${base}/${currentTab}`;
      return user.isAdmin ? `${base}/${landingTab(user, form)}` : base;
    },
  };
}
