// Which Chromium the browser tests drive: CHROMIUM_PATH when it is set, otherwise Debian's headless shell
// (`apt-get install -y chromium-headless-shell`: the same Chromium without the browser's windowing, which costs
// about a third less CPU a page), otherwise Debian's full Chromium.
import { existsSync } from "node:fs";

const CHROMIUM_CANDIDATES = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];

/** @returns {string} the path of the Chromium to launch (it may not exist: the caller says so). */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || (CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? CHROMIUM_CANDIDATES.at(-1));
}
