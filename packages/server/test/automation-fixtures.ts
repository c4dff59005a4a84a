// Automations of one test app through the API, as the automations tests use them: save one (with a
// fresh key), disable it, read its run log (newest first).
import { expect } from "vitest";
import type { TestApp } from "./harness";

export interface SavedAutomation {
  id: string;
  version: number;
  nextRunAt: string | null;
}

/**
 * `app` answers the test app and its app id once the suite's beforeAll has made them. Keys count from
 * auto_1 in each suite.
 */
export function automationsOf<Run>(app: () => { t: TestApp; appId: string }) {
  let keys = 0;
  return {
    async save(definition: Record<string, unknown>, enabled = true): Promise<SavedAutomation> {
      const { t, appId } = app();
      const response = await t.admin.request("POST", `/api/apps/${appId}/automations`, {
        definition: { id: `auto_${++keys}`, name: `Automation ${keys}`, ...definition },
        enabled,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<SavedAutomation>();
    },
    async disable(id: string): Promise<void> {
      const { t, appId } = app();
      const current = (await t.admin.request("GET", `/api/apps/${appId}/automations/${id}`)).json();
      const saved = await t.admin.request("PUT", `/api/apps/${appId}/automations/${id}`, {
        definition: current.definition,
        enabled: false,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    },
    async runs(id: string): Promise<Run[]> {
      const { t, appId } = app();
      const response = await t.admin.request("GET", `/api/apps/${appId}/automations/${id}/runs?limit=100`);
      return response.json<{ runs: Run[] }>().runs;
    },
  };
}
