import { BENCH_ADMIN } from "./servers";

/**
 * Signs in to a dashboard over its API, as the browser's sign-in form does
 * (same-origin POST), and returns the Cookie header that carries the session.
 */
export async function signIn(appUrl: string): Promise<string> {
  const response = await fetch(`${appUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!response.ok) throw new Error(`signing in to ${appUrl} failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter(Boolean);
  if (cookies.length === 0) throw new Error(`signing in to ${appUrl} set no cookie`);
  return cookies.join("; ");
}
