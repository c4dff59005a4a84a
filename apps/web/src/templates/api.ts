import { templatesApi as buildTemplatesApi } from "@formwork/client";
import { api } from "../api/client";

/** The templates API, built in the gallery's own chunk on the app's one transport. */
export const templatesApi = buildTemplatesApi(api.send);
