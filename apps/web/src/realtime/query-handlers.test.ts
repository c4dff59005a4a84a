import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it, vi } from "vitest";
import { queryKeys } from "../api/query-keys";
import { recordKeys } from "../data/use-records";
import { notificationKeys } from "../notifications/use-notifications";
import { taskKeys } from "../tasks/use-tasks";
import { HINT_KEYS, queryHandlers } from "./query-handlers";

describe("realtime hints into queries", () => {
  it("uses the features' own query keys", () => {
    expect(HINT_KEYS.records("f1")).toEqual(recordKeys.all("f1"));
    expect(HINT_KEYS.notificationCount).toEqual(notificationKeys.count);
    expect(HINT_KEYS.notificationLists).toEqual(notificationKeys.list(true).slice(0, 2));
    expect(HINT_KEYS.notifications).toEqual(notificationKeys.all);
    expect(HINT_KEYS.tasks).toEqual(taskKeys.all);
    expect(HINT_KEYS.apps).toEqual(queryKeys.apps);
  });

  it("sets the bell's count, and refetches a form's records once for a burst of hints", async () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const invalidate = vi.spyOn(client, "invalidateQueries");
      const handlers = queryHandlers(client);
      handlers.notifications({ unread: 4 });
      expect(client.getQueryData(notificationKeys.count)).toEqual({ unread: 4 });
      for (let i = 0; i < 5; i++)
        handlers.record({ formId: "f1", recordId: `r${i}`, kind: "created", version: 1 });
      await vi.advanceTimersByTimeAsync(1_000);
      const recordCalls = invalidate.mock.calls.filter(([filters]) => filters?.queryKey?.[2] === "records");
      expect(recordCalls).toEqual([[{ queryKey: recordKeys.all("f1") }]]);
      handlers.resync(["f1", "f2"]);
      await vi.advanceTimersByTimeAsync(1_000);
      const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
      expect(keys).toEqual(
        expect.arrayContaining([notificationKeys.all, taskKeys.all, recordKeys.all("f2")]),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
