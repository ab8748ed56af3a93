import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * `next build` adds its build directory's generated types to tsconfig.json's
 * include list, and builds into other directories (`NEXT_DIST_DIR`, used by
 * e2e runs on their own ports and by the bench) add theirs. Such an entry
 * points at a directory a fresh clone does not have, and it has been
 * committed by accident before: this keeps the file as the project ships it.
 */
describe("tsconfig.json", () => {
  const config = JSON.parse(readFileSync(new URL("../../tsconfig.json", import.meta.url), "utf8")) as { include: string[] };

  it("includes only the sources and the default build directory's types", () => {
    expect(config.include).toEqual(["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts", ".next/dev/types/**/*.ts"]);
  });
});
