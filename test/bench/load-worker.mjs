// The load generator, in its own thread so that it does not share an event loop with the
// servers it measures. Plain node:http with keep-alive; no external tools.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { url, headers, seconds, rate, connections } = workerData;
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: connections ?? 64 });

function once() {
  return new Promise((resolve) => {
    const req = request({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode === 200));
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

const latencies = [];
let errors = 0;
const started = performance.now();
const endAt = started + seconds * 1000;

if (rate) {
  // Open loop: requests start on a fixed schedule whatever the answers, and latency counts
  // from the scheduled start, so a slow server cannot hide its queueing (no coordinated omission).
  const interval = 1000 / rate;
  const inFlight = [];
  for (let i = 0; started + i * interval < endAt; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      once().then((ok) => {
        if (ok) latencies.push(performance.now() - scheduled);
        else errors++;
      }),
    );
  }
  await Promise.all(inFlight);
} else {
  // Closed loop: each connection sends its next request as soon as the last one is answered.
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        const t0 = performance.now();
        const ok = await once();
        if (ok) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
}

const elapsed = (performance.now() - started) / 1000;
agent.destroy();
parentPort.postMessage({ latencies, errors, elapsed });
