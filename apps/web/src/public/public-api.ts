// The public link endpoints, called without a session (the CSRF header is still sent: the server asks
// it of every cookie-less write too).
import type { FormDefinition } from "@formwork/schema";

export class PublicLinkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { "content-type": "application/json", "x-requested-with": "formwork", ...init.headers },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new PublicLinkError(response.status, body?.error?.code ?? "INTERNAL");
  return body as T;
}

export function publicForm(token: string, password?: string) {
  return call<{ definition: FormDefinition }>(`/api/public/forms/${encodeURIComponent(token)}`, {
    method: "GET",
    headers: password ? { "x-link-password": password } : {},
  });
}

export function publicSubmit(token: string, data: Record<string, unknown>, password?: string) {
  return call<{ id: string }>(`/api/public/forms/${encodeURIComponent(token)}/records`, {
    method: "POST",
    body: JSON.stringify({ data, ...(password ? { password } : {}) }),
  });
}
