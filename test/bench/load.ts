import { Worker } from "node:worker_threads";

export type LoadOptions = { url: string; headers?: Record<string, string>; seconds: number } & (
  | { rate: number; connections?: number }
  | { rate?: undefined; connections: number }
);

export type LoadResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

/** Drive a URL at a fixed rate, or flat out over N keep-alive connections, and summarise what came back. */
export function load(options: LoadOptions): Promise<LoadResult> {
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

export function formatResult(label: string, r: LoadResult) {
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  return `${label.padEnd(34)} ${r.rps.toFixed(1).padStart(8)} req/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  (${r.requests} ok, ${r.errors} failed)`;
}
