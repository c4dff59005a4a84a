import { ApiError } from "@formwork/client";
import { describe, expect, it } from "vitest";
import { createQueryClient } from "./query-client";
import { queryKeys } from "./query-keys";

describe("createQueryClient", () => {
  it("re-checks the session when another query fails with 401", async () => {
    const client = createQueryClient();
    client.setQueryData(queryKeys.session, { user: { id: "u1" } });
    await client
      .fetchQuery({
        queryKey: queryKeys.apps,
        queryFn: () => Promise.reject(new ApiError("UNAUTHENTICATED", "expired", 401)),
      })
      .catch(() => undefined);
    expect(client.getQueryState(queryKeys.session)?.isInvalidated).toBe(true);
  });

  it("leaves the session alone on other errors and does not retry a 4xx", async () => {
    const client = createQueryClient();
    client.setQueryData(queryKeys.session, { user: { id: "u1" } });
    let calls = 0;
    await client
      .fetchQuery({
        queryKey: queryKeys.apps,
        queryFn: () => {
          calls += 1;
          return Promise.reject(new ApiError("FORBIDDEN", "no", 403));
        },
        retry: client.getDefaultOptions().queries?.retry,
      })
      .catch(() => undefined);
    expect(calls).toBe(1);
    expect(client.getQueryState(queryKeys.session)?.isInvalidated).toBe(false);
  });
});
