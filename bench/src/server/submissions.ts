// Benchmark 1: single-record submissions over HTTP at fixed concurrency, ours against the baseline,
// alternating rounds so background noise on a shared machine lands on both.
import { benchData } from "./bench-form";
import { type LoadRequest, type LoadResult, runLoad } from "./load";
import { cpuMs, sampleRss } from "./processes";

export interface SubmissionTarget {
  name: string;
  port: number;
  pid: number;
  path: string;
  headers: Record<string, string>;
  /** The database backend processes serving this target (PostgreSQL on this machine), to count their CPU. */
  backends?: () => Promise<number[]>;
  /** Request bodies to cycle through (default: a thousand varied records of the bench form). */
  bodies?: readonly string[];
}

export interface SubmissionResult {
  name: string;
  perSecond: number;
  requests: number;
  errors: number;
  firstError?: string;
  p50: number;
  p95: number;
  /** Peak RSS of the server's process tree while under this load, in MB. */
  peakRssMb: number;
  /**
   * CPU time per created record of the server process and of its database backends, in ms: steadier
   * than throughput on a loaded machine, since it counts work done, not time waited for a core.
   */
  serverCpuMs: number;
  databaseCpuMs?: number;
}

export interface SubmissionOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  rounds: number;
}

const BODIES = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ data: benchData(i) }));

function load(target: SubmissionTarget, options: SubmissionOptions, durationMs: number): Promise<LoadResult> {
  const bodies = target.bodies ?? BODIES;
  const next = (i: number): LoadRequest => ({
    method: "POST",
    path: target.path,
    headers: target.headers,
    body: bodies[i % bodies.length] as string,
  });
  return runLoad({
    port: target.port,
    concurrency: options.concurrency,
    durationMs,
    next,
    expectStatus: 201,
  });
}

interface CpuUse {
  server: number;
  database: number | undefined;
}

async function cpuOf(target: SubmissionTarget): Promise<CpuUse> {
  const backends = target.backends ? await target.backends() : undefined;
  return { server: cpuMs(target.pid), database: backends?.reduce((sum, pid) => sum + cpuMs(pid), 0) };
}

function combine(name: string, runs: LoadResult[], peakRssMb: number, cpu: CpuUse): SubmissionResult {
  const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const elapsed = runs.reduce((n, r) => n + r.elapsedMs, 0);
  const firstError = runs.find((r) => r.firstError)?.firstError;
  return {
    name,
    perSecond: ((requests - errors) * 1000) / elapsed,
    requests,
    errors,
    ...(firstError ? { firstError } : {}),
    p50: at(0.5),
    p95: at(0.95),
    peakRssMb,
    serverCpuMs: cpu.server / Math.max(1, requests - errors),
    ...(cpu.database === undefined ? {} : { databaseCpuMs: cpu.database / Math.max(1, requests - errors) }),
  };
}

/** Warms every target up, then runs them in turn for `rounds` rounds; one combined result per target. */
export async function compareSubmissions(
  targets: SubmissionTarget[],
  options: SubmissionOptions,
): Promise<SubmissionResult[]> {
  for (const target of targets) await load(target, options, options.warmupMs);
  const runs = targets.map(() => [] as LoadResult[]);
  const peaks = targets.map(() => 0);
  const cpu: CpuUse[] = targets.map(() => ({ server: 0, database: undefined }));
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const rss = sampleRss(target.pid);
      const before = await cpuOf(target);
      runs[i]?.push(await load(target, options, options.durationMs));
      const after = await cpuOf(target);
      peaks[i] = Math.max(peaks[i] ?? 0, rss.stop());
      const used = cpu[i] as CpuUse;
      used.server += after.server - before.server;
      if (after.database !== undefined && before.database !== undefined)
        used.database = (used.database ?? 0) + after.database - before.database;
    }
  }
  return targets.map((target, i) => combine(target.name, runs[i] ?? [], peaks[i] ?? 0, cpu[i] as CpuUse));
}
