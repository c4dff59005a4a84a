// Saving the form menu: the cache shows the new layout at once; saves run one after another (a mutation
// scope), each naming the revision the previous one produced, so quick successive drags never trip
// the server's stale-layout guard. A real conflict (another administrator) reloads the menu.
import { type AppWithForms, isApiError, type MenuItem } from "@formwork/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntdApp } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { errorMessage } from "../../common/error-message";
import { menuOrder } from "./menu-model";

function arranged(app: AppWithForms, menu: MenuItem[], menuRevision = app.menuRevision): AppWithForms {
  const byId = new Map(app.forms.map((form) => [form.id, form]));
  const forms = menuOrder(menu).flatMap((id) => byId.get(id) ?? []);
  return { ...app, menu, menuRevision, forms };
}

export function useSaveMenu(appId: string) {
  const { t } = useTranslation();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const key = queryKeys.app(appId);
  const current = () => queryClient.getQueryData<AppWithForms>(key);

  return useMutation({
    scope: { id: `menu:${appId}` },
    mutationFn: (menu: MenuItem[]) => api.apps.saveMenu(appId, menu, current()?.menuRevision ?? 0),
    onMutate: async (menu) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const before = current();
      if (before) queryClient.setQueryData(key, arranged(before, menu));
      return { before };
    },
    onSuccess: (saved) => {
      const app = current();
      if (app) queryClient.setQueryData(key, { ...app, menuRevision: saved.menuRevision });
    },
    onError: (error, _menu, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      if (isApiError(error) && error.code === "VERSION_CONFLICT") void message.warning(t("menu.conflict"));
      else void message.error(errorMessage(error, t));
      void queryClient.invalidateQueries({ queryKey: key, exact: true });
    },
  });
}
