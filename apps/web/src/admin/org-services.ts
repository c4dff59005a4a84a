// The admin pages pick members and departments with the same pickers forms use (@formwork/fields),
// fed by the same services the renderer builds over the API client.
import { createFieldServices } from "@formwork/renderer";
import { api } from "../api/client";
import { i18n } from "../i18n/i18n";

export const orgServices = createFieldServices({
  client: api,
  formIds: new Map(),
  locale: () => i18n.language,
});
