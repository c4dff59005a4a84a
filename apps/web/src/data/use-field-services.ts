import { createFieldServices } from "@formwork/renderer";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../api/client";
import { useApp } from "../api/use-apps";

/** The field inputs' services for a record of this app: other forms are named by key, so map them to ids. */
export function useAppFieldServices() {
  const { i18n } = useTranslation();
  const { appId = "" } = useParams();
  const { data: app } = useApp(appId);
  return useMemo(
    () =>
      createFieldServices({
        client: api,
        formIds: new Map((app?.forms ?? []).map((f) => [f.key, f.id])),
        locale: () => i18n.language,
      }),
    [app, i18n],
  );
}
