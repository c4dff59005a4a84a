// The imports API client, built inside the wizard's lazy chunk (see @formwork/client's imports.ts).
import { createImportsClient } from "@formwork/client";
import { i18n } from "../i18n/i18n";

export const imports = createImportsClient({ locale: () => i18n.language });
