// Starts the built app (`npm run build` first) as `npm start` does, in a child process of the test.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort, START_COMMAND } from "./app-server";

export type BuiltServer = {
  url: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<number | null>;
};

/** Resolves once it prints its address; rejects with its output if it exits or takes too long. */
export async function startBuiltServer(env: Record<string, string | undefined>, { timeout = 110_000 } = {}): Promise<BuiltServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...START_COMMAND.args], {
    env: {
      ...process.env,
      ...START_COMMAND.env,
      NODE_OPTIONS: undefined,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: undefined,
      RESEND_API_KEY: undefined,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), timeout);
    const poll = setInterval(() => {
      if (output.includes("is running at")) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve();
      }
    }, 50);
    void exited.then((code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`The app exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}
