/**
 * Where to go after signing in: only a path on this site. Anything that could
 * leave it ("//evil.example", "https://…", "/\\evil") falls back to the overview.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  try {
    const url = new URL(value, "http://tradesdesk.invalid");
    if (url.origin !== "http://tradesdesk.invalid") return "/";
    if (url.pathname.startsWith("/sign-in") || url.pathname.startsWith("/api/")) return "/";
    return url.pathname + url.search;
  } catch {
    return "/";
  }
}
