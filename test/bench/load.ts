import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export type LoadOptions = { url: string; headers?: Record<string, string>; seconds: number } & (
  | { rate: number; connections?: number }
  | { rate?: undefined; connections: number }
);

export type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/**
 * wrk, when it is installed (Debian: `apt-get install wrk`) and `BENCH_LOAD` is not `node`: a load generator
 * written in C, in a process of its own, that costs the machine far less for each request than Node's
 * HTTP client does, so more of the two cores go to what is measured.
 */
const wrk = process.env.BENCH_LOAD !== "node" && spawnSync("wrk", ["--version"]).error === undefined;

/** Which load generator drives the flat-out runs, for the bench's output. */
export const loadGenerator = wrk
  ? "wrk (one thread, its own process) flat out; Node's HTTP client in a worker thread at a fixed rate"
  : "Node's HTTP client in a worker thread (install wrk for a lighter one)";

/** Drive a URL at a fixed rate, or flat out over N keep-alive connections, and summarise what came back. */
export function load(options: LoadOptions): Promise<LoadResult> {
  if (wrk && options.rate === undefined) return loadWithWrk(options);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: options });
    worker.once("error", reject);
    worker.once("message", ({ latencies, errors, elapsed }: { latencies: number[]; errors: number; elapsed: number }) => {
      const sorted = Float64Array.from(latencies).sort();
      const list = Array.from(sorted);
      resolve({ requests: list.length, errors, rps: list.length / elapsed, p50: percentile(list, 50), p95: percentile(list, 95), p99: percentile(list, 99) });
      void worker.terminate();
    });
  });
}

// wrk's summary as one line of JSON: times in microseconds; an answer other than 2xx or 3xx is a failure.
const WRK_SUMMARY = `done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('\\nRESULT {"requests":%d,"micros":%d,"errors":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

function loadWithWrk(options: LoadOptions & { connections: number }): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "bench-wrk-"));
  const script = join(dir, "summary.lua");
  writeFileSync(script, WRK_SUMMARY);
  const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--timeout", "10s", "-s", script, ...headers, options.url];
  return new Promise((resolve, reject) => {
    execFile("wrk", args, (error, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      const line = /^RESULT (.+)$/m.exec(stdout)?.[1];
      if (error || !line) return reject(error ?? new Error(`wrk said:\n${stdout}`));
      const r = JSON.parse(line) as { requests: number; micros: number; errors: number; p50: number; p95: number; p99: number };
      const ok = r.requests - r.errors;
      resolve({ requests: ok, errors: r.errors, rps: ok / (r.micros / 1e6), p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000 });
    });
  });
}

/**
 * Several runs against one URL as one: their requests over their time. Their latencies are each run's
 * percentiles averaged by its requests (near enough for a summary; the goals' latencies are taken at a
 * fixed rate in one run).
 */
export function combined(results: LoadResult[]): LoadResult {
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = results.reduce((sum, r) => sum + (r.rps > 0 ? r.requests / r.rps : 0), 0);
  const weighted = (pick: (r: LoadResult) => number) => (requests ? results.reduce((sum, r) => sum + pick(r) * r.requests, 0) / requests : NaN);
  return {
    requests,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    rps: seconds > 0 ? requests / seconds : 0,
    p50: weighted((r) => r.p50),
    p95: weighted((r) => r.p95),
    p99: weighted((r) => r.p99),
  };
}

export function formatResult(label: string, r: LoadResult) {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  return `${label.padEnd(34)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  (${r.requests} ok, ${r.errors} failed)`;
}
