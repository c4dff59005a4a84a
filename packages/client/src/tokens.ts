import { path, type Send } from "./transport";
import type { ApiTokenInfo, CreatedApiToken } from "./types";

/** The signed-in user's personal API tokens (for scripts and integrations). */
export function tokensApi(send: Send) {
  return {
    list: async () => (await send<{ tokens: ApiTokenInfo[] }>({ method: "GET", path: "/api/tokens" })).tokens,
    create: (token: {
      name: string;
      expiresInDays?: number;
      scope?: "read" | "write";
      appIds?: string[] | null;
    }) => send<CreatedApiToken>({ method: "POST", path: "/api/tokens", body: token }),
    revoke: (tokenId: string) => send<void>({ method: "DELETE", path: path`/api/tokens/${tokenId}` }),
  };
}
