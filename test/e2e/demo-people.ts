// Every demo person the README's table lists, in its order, read from the README itself: the browser
// tests sign in as each, so a person added to the table is walked and downloaded for too.
import { readFileSync } from "node:fs";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
export const DEMO_PEOPLE: readonly string[] = [...new Set([...readme.matchAll(/\b[\w.]+@(?:arden|glanteifi)\.demo\b/g)].map((m) => m[0]))];
if (DEMO_PEOPLE.length < 10) throw new Error(`The README's table of demo people names only ${DEMO_PEOPLE.length}`);
