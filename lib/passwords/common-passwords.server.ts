import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The 100,000 most common passwords (see scripts/build-common-passwords.sh for
 * where the list comes from). Read from disk on first use and kept as a Set of
 * lower-cased entries, so a check is one lookup and the list never reaches a
 * browser bundle. Lower case on both sides: "Password1" is as guessable as
 * "password1" to anyone who tries the list with common capitalisations.
 */
const LIST_PATH = join(process.cwd(), "lib", "passwords", "common-passwords-top-100k.txt");

export const COMMON_PASSWORD_MESSAGE = "This password is on a list of commonly used passwords. Choose another.";

let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(LIST_PATH, "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords;
}

export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(password.trim().toLowerCase());
}

/** How many distinct entries the list holds; for tests and the decision record's measurements. */
export function commonPasswordCount(): number {
  return loadCommonPasswords().size;
}
