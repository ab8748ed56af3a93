import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What a production build depends on; a change to any of these means rebuild. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

/** True when .next holds a production build newer than every build input. */
export function isBuildFresh(root: string): boolean {
  const marker = join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(marker)) return false;
  const builtAt = statSync(marker).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(join(root, input)) <= builtAt);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
