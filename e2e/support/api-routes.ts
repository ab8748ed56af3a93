import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface ApiRouteMethod {
  file: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A concrete URL path for the route, dynamic segments filled with plausible values. */
  path: string;
}

const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

/**
 * Every route handler under app/api, read from the file tree, so that a new
 * route is covered by the boundary tests the moment it is added.
 */
export function listApiRoutes(root = "app/api"): ApiRouteMethod[] {
  const routes: ApiRouteMethod[] = [];
  for (const file of walk(root)) {
    if (!/\/route\.tsx?$/.test(file.split(sep).join("/"))) continue;
    const segments = relative(root, file).split(sep).slice(0, -1);
    const path = "/api/" + segments.map(fillSegment).join("/");
    for (const match of readFileSync(file, "utf8").matchAll(METHOD_EXPORT)) {
      routes.push({ file, method: match[1] as ApiRouteMethod["method"], path: path.replace(/\/$/, "") });
    }
  }
  return routes;
}

function fillSegment(segment: string): string {
  if (segment.startsWith("(") && segment.endsWith(")")) return "";
  if (segment.startsWith("[...") || segment.startsWith("[[...")) return "no-such/route";
  if (segment.startsWith("[")) return "3f1b5a0e-8a4e-4c7b-9a51-0d6f2b8e7c11";
  return segment;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
