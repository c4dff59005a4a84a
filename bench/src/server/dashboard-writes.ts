// Benchmark 5b (issue 8): what a saved dashboard's rollups cost the writers. Saving a dashboard puts
// statement-level triggers on its forms that upsert the rollup rows inside every writing transaction
// (packages/db/src/records/rollups.ts). Four targets on one server, alternating rounds: single-record
// submissions to a form without rollups and to the same form with the six-widget dashboard's, each
// with varied records (writers spread over many rollup rows) and with every record in the same group
// (all writers upsert the same row of every rollup, so they queue behind each other's commit).
import { benchData } from "./bench-form";
import { type DashboardPaths, saveDashboard } from "./dashboard";
import {
  compareSubmissions,
  type SubmissionOptions,
  type SubmissionResult,
  type SubmissionTarget,
} from "./submissions";

export interface WriteCostTargets {
  /** The server's port/pid and an authorised header set. */
  server: { port: number; pid: number };
  headers: Record<string, string>;
  backends: () => Promise<number[]>;
  plainFormId: string;
  /** A form of the same schema in the same app, which the dashboard is saved over. */
  rolled: DashboardPaths;
}

const VARIED = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ data: benchData(i) }));
/** Varied records, all in the same region, status, day, channel, priority and city: every rollup's one row. */
const SAME_GROUP = Array.from({ length: 1000 }, (_, i) => {
  const first = benchData(0);
  const { region, status, due, channel, priority, city } = first;
  return JSON.stringify({ data: { ...benchData(i), region, status, due, channel, priority, city } });
});

export interface WriteCostResult {
  saveMs: number;
  results: SubmissionResult[];
}

export async function compareWriteCost(
  targets: WriteCostTargets,
  options: SubmissionOptions,
): Promise<WriteCostResult> {
  const saveMs = await saveDashboard(targets.rolled);
  const target = (name: string, formId: string, bodies: readonly string[]): SubmissionTarget => ({
    name,
    ...targets.server,
    path: `/api/forms/${formId}/records`,
    headers: targets.headers,
    backends: targets.backends,
    bodies,
  });
  const results = await compareSubmissions(
    [
      target("no rollups, varied records", targets.plainFormId, VARIED),
      target("six-widget rollups, varied records", targets.rolled.formId, VARIED),
      target("no rollups, one group", targets.plainFormId, SAME_GROUP),
      target("six-widget rollups, one group", targets.rolled.formId, SAME_GROUP),
    ],
    options,
  );
  return { saveMs, results };
}
