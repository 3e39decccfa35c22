// The password policy, without the hashing, so forms in the browser bundle can share it.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Below this zxcvbn score (0-4) a password is refused: 3 means about 10^8 guesses or more, beyond
 * an online attacker and a throttled sign-in, and rules out the common-password list (ASVS 2.1.7).
 */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem = "common" | "repeated" | "sequence" | "keyboard" | "personal" | "guessable";

// Building the dictionaries takes a moment, so only when a password is first checked.
let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
  }));

function reason(result: ZxcvbnResult): PasswordProblem {
  const patterns = result.sequence;
  if (patterns.some((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs")) return "personal";
  if (patterns.some((m) => m.pattern === "dictionary" && m.dictionaryName === "passwords-common")) return "common";
  if (patterns.some((m) => m.pattern === "repeat")) return "repeated";
  if (patterns.some((m) => m.pattern === "sequence")) return "sequence";
  if (patterns.some((m) => m.pattern === "spatial")) return "keyboard";
  return "guessable";
}

/**
 * Why a new password of an acceptable length is too easy to guess, or null if it is fine.
 * `about` holds what an attacker would try first: the person's name and email address.
 */
export function passwordProblem(password: string, about: string[] = []): PasswordProblem | null {
  const result = zxcvbn().check(
    password,
    about.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3),
  );
  // Mostly made of the person's own name or address: guessable by anyone who knows them, whatever the score.
  const personal = result.sequence.filter((m) => m.pattern === "dictionary" && m.dictionaryName === "userInputs").reduce((n, m) => n + m.token.length, 0);
  if (personal * 2 >= password.length) return "personal";
  return result.score >= PASSWORD_MIN_SCORE ? null : reason(result);
}
