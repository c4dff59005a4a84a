// The field inputs' services for a form of an app: link pickers and related queries name other forms by
// key, and the app's form list turns the keys into ids (without it a link shows a raw record id).
import { createFieldServices } from "@formwork/renderer";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "./client";
import { queryKeys } from "./query-keys";

export function useAppFieldServices(appId: string) {
  const { i18n } = useTranslation();
  const app = useQuery({
    queryKey: queryKeys.app(appId),
    queryFn: () => api.apps.get(appId),
    enabled: appId !== "",
  });
  return useMemo(
    () =>
      createFieldServices({
        client: api,
        formIds: new Map((app.data?.forms ?? []).map((f) => [f.key, f.id])),
        locale: () => i18n.language,
      }),
    [app.data, i18n],
  );
}
