// The markdown tables the server benchmarks print: every measurement with its baseline, the ratio,
// the target from issue 3 and whether it was met (and by how much).
import type { BatchResult } from "./batch";
import type { DashboardResult } from "./dashboard";
import type { GridResult } from "./grid";
import { ratio, round } from "./stats";
import type { SubmissionResult } from "./submissions";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const verdict = (pass: boolean, margin: string) => `${pass ? "pass" : "MISS"} (${margin})`;
const margin = (spare: number, unit = "ms") =>
  spare >= 0 ? `${round(spare, 1)} ${unit} to spare` : `${round(-spare, 1)} ${unit} over`;
const percent = (value: number) => `${value >= 0 ? "+" : ""}${round(value * 100, 0)}%`;

/** Throughput against a baseline: pass when ours/baseline ≥ minimum. */
export function throughputTable(
  unit: string,
  baseline: { name: string; perSecond: number },
  ours: { name: string; perSecond: number; extra?: string }[],
  minimum: number,
): string {
  const lines = [
    row(["path", `${unit}/s`, "ratio vs baseline", "target", "result", "notes"]),
    row(["---", "---:", "---:", "---", "---", "---"]),
    row([baseline.name, round(baseline.perSecond, 0), "1.00", "", "", ""]),
  ];
  for (const o of ours) {
    const r = ratio(o.perSecond, baseline.perSecond);
    lines.push(
      row([
        o.name,
        round(o.perSecond, 0),
        round(r),
        `≥ ${minimum}×`,
        verdict(r >= minimum, percent(r / minimum - 1)),
        o.extra ?? "",
      ]),
    );
  }
  return lines.join("\n");
}

export function submissionExtra(result: SubmissionResult): string {
  const errors = result.errors ? `, ${result.errors} errors: ${result.firstError ?? ""}` : "";
  const database =
    result.databaseCpuMs === undefined ? "" : ` + PostgreSQL ${round(result.databaseCpuMs, 2)} ms`;
  const cpu = `CPU per record: server ${round(result.serverCpuMs, 2)} ms${database}`;
  return `p50 ${round(result.p50, 1)} ms, p95 ${round(result.p95, 1)} ms, peak RSS ${round(result.peakRssMb, 0)} MB, ${cpu}${errors}`;
}

/**
 * Submissions to a form with a dashboard's rollups against the same form without, in pairs (the first
 * two and the last two results): the cost ratio is the plain form's rate over the rolled form's, and the
 * CPU ratio the rolled form's server + database CPU per record over the plain form's.
 */
export function writeCostTable(results: SubmissionResult[]): string {
  const lines = [
    row([
      "target",
      "records/s",
      "p50 ms",
      "p95 ms",
      "server CPU ms/record",
      "PostgreSQL CPU ms/record",
      "vs no rollups: time",
      "CPU",
      "errors",
    ]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  ];
  const cpu = (r: SubmissionResult) => r.serverCpuMs + (r.databaseCpuMs ?? 0);
  for (const [i, r] of results.entries()) {
    const plain = results[i - (i % 2)] as SubmissionResult;
    lines.push(
      row([
        r.name,
        round(r.perSecond, 0),
        round(r.p50, 1),
        round(r.p95, 1),
        round(r.serverCpuMs, 2),
        round(r.databaseCpuMs ?? Number.NaN, 2),
        `${round(ratio(plain.perSecond, r.perSecond))}×`,
        `${round(ratio(cpu(r), cpu(plain)))}×`,
        String(r.errors),
      ]),
    );
  }
  return lines.join("\n");
}

export function batchExtra(result: BatchResult): string {
  return `${result.records} records in ${round(result.seconds, 1)} s`;
}

/** Grid latency: two targets, p95 ≤ 1.5 × hand-written SQL's p95 + 2 ms, and p95 < 50 ms. */
export function gridTable(results: GridResult[]): string {
  const hand = results.find((r) => r.name.startsWith("baseline"));
  const relative = hand ? 1.5 * hand.latency.p95 + 2 : Number.NaN;
  const lines = [
    row([
      "path",
      "p50 ms",
      "p95 ms",
      "max ms",
      "p95 ratio vs hand SQL",
      "p95 ≤ 1.5×hand + 2 ms",
      "p95 < 50 ms",
    ]),
    row(["---", "---:", "---:", "---:", "---:", "---", "---"]),
  ];
  for (const r of results) {
    const p95 = r.latency.p95;
    const isHand = r === hand;
    lines.push(
      row([
        r.name,
        round(r.latency.p50, 1),
        round(p95, 1),
        round(r.latency.max, 1),
        hand ? round(p95 / hand.latency.p95) : "",
        isHand || !hand
          ? ""
          : verdict(p95 <= relative, `limit ${round(relative, 1)} ms, ${margin(relative - p95)}`),
        verdict(p95 < 50, margin(50 - p95)),
      ]),
    );
  }
  return lines.join("\n");
}

/** RSS in MB of the server process (spawned directly: its process tree is that one process). */
export interface StartupNumbers {
  coldStartsMs: number[];
  restartsMs: number[];
  idleRssMb: number;
  idleRestartRssMb: number;
  loadRssMb: number;
  afterLoadRssMb: number;
}

export function startupTable(s: StartupNumbers): string {
  const seconds = (values: number[]) => values.map((v) => `${round(v / 1000, 1)} s`).join(", ");
  const idle = (mb: number) => verdict(mb <= 250, margin(250 - mb, "MB"));
  const mb = (value: number) => `${round(value, 0)} MB`;
  return [
    row(["measure", "value", "target", "result"]),
    row(["---", "---:", "---", "---"]),
    row([
      "cold start to a healthy `/api/health`, first start (new data dir), each run",
      seconds(s.coldStartsMs),
      "reported",
      "",
    ]),
    row([
      "cold start to a healthy `/api/health`, existing data dir, each run",
      seconds(s.restartsMs),
      "reported",
      "",
    ]),
    row(["idle RSS after a first start (3 s after healthy)", mb(s.idleRssMb), "≤ 250 MB", idle(s.idleRssMb)]),
    row([
      "idle RSS after a start on an existing data dir",
      mb(s.idleRestartRssMb),
      "≤ 250 MB",
      idle(s.idleRestartRssMb),
    ]),
    row(["peak RSS under the submission load", mb(s.loadRssMb), "reported", ""]),
    row(["idle RSS 3 s after the load", mb(s.afterLoadRssMb), "reported", ""]),
  ].join("\n");
}

export function dashboardTable(result: DashboardResult): string {
  const lines = [
    row(["widget", "API p50 ms", "hand p50 ms", "API p95 ms", "hand p95 ms", "p50 ratio", "≤ 1.3× hand SQL"]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---"]),
  ];
  for (const w of result.widgets) {
    const r = w.ours.p50 / w.hand.p50;
    lines.push(
      row([
        w.name,
        round(w.ours.p50, 1),
        round(w.hand.p50, 1),
        round(w.ours.p95, 1),
        round(w.hand.p95, 1),
        round(r),
        verdict(r <= 1.3, `${round(r)}×`),
      ]),
    );
  }
  lines.push(
    row([
      "whole dashboard (six requests at once)",
      round(result.whole.p50, 1),
      round(result.handWhole.p50, 1),
      round(result.whole.p95, 1),
      round(result.handWhole.p95, 1),
      round(result.whole.p50 / result.handWhole.p50),
      verdict(result.whole.p95 <= 1000, `p95 ≤ 1 s: ${margin(1000 - result.whole.p95)}`),
    ]),
  );
  return lines.join("\n");
}
