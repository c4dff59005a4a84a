// Public links of a form (issue 6): admins create, list, disable and enable them; anyone holding a
// token opens a fill link's form, submits to it, or looks records up through a query link. A token is
// only ever in the create answer, so the UI shows the address once, right after creating.
import type { FormDefinition } from "@formwork/schema";
import { path, type Send } from "./transport";

export type PublicLinkKind = "fill" | "query";

export interface PublicLink {
  id: string;
  formId: string;
  kind: PublicLinkKind;
  name: string;
  hasPassword: boolean;
  expiresAt: string | null;
  maxSubmissions: number | null;
  submissions: number;
  queryFields: string[];
  displayFields: string[];
  disabled: boolean;
  createdAt: string;
}

export interface PublicLinkInput {
  kind: PublicLinkKind;
  name?: string;
  password?: string;
  /** ISO date-time in the future. */
  expiresAt?: string;
  /** Fill links: how many submissions the link takes. */
  maxSubmissions?: number;
  /** Query links: the fields a visitor gives exact values for. */
  queryFields?: string[];
  /** Fill links: the fields on the form; query links: the fields shown. */
  displayFields?: string[];
}

const passwordHeader = (password?: string) => (password ? { "X-Link-Password": password } : undefined);

export function publicLinksApi(send: Send) {
  return {
    list: (formId: string) =>
      send<{ links: PublicLink[] }>({ method: "GET", path: path`/api/forms/${formId}/public-links` }),
    create: (formId: string, input: PublicLinkInput) =>
      send<PublicLink & { token: string }>({
        method: "POST",
        path: path`/api/forms/${formId}/public-links`,
        body: input,
      }),
    setDisabled: (linkId: string, disabled: boolean) =>
      send<PublicLink>({
        method: "POST",
        path: disabled ? path`/api/public-links/${linkId}/disable` : path`/api/public-links/${linkId}/enable`,
      }),
    /** A fill link's form (only its fields); 401 UNAUTHENTICATED asks for the password. */
    form: (token: string, password?: string) =>
      send<{ definition: FormDefinition }>({
        method: "GET",
        path: path`/api/public/forms/${token}`,
        headers: passwordHeader(password),
      }),
    submit: (token: string, data: Record<string, unknown>, password?: string) =>
      send<{ id: string }>({
        method: "POST",
        path: path`/api/public/forms/${token}/records`,
        body: { data, ...(password ? { password } : {}) },
      }),
  };
}
