import "server-only";
import { isAPIError } from "better-auth/api";
import type { ApiErrorCode } from "@/lib/api/api-error";
import { recordAudit, recordRejectedSignIn } from "@/lib/audit/record-audit.server";
import { getAuth } from "@/lib/auth/auth.server";
import { isRole, type Role } from "@/lib/auth/roles";
import { beginSignInAttempt, describeWait } from "@/lib/auth/sign-in-throttle.server";

export type SignInResult =
  | { ok: true; twoFactorRequired: false; user: { id: string; email: string; name: string; role: Role }; setCookies: string[] }
  /** The password was right and the account uses two-factor sign-in: the cookies hold the pending challenge, not a session. */
  | { ok: true; twoFactorRequired: true; setCookies: string[] }
  | { ok: false; status: number; code: ApiErrorCode; message: string; retryAfterSeconds?: number };

/** One message for an unknown email and a wrong password, so neither reveals which accounts exist. */
export const BAD_CREDENTIALS_MESSAGE = "That email and password do not match an account.";

export async function signIn(input: { email: string; password: string; ip: string; requestId: string; headers: Headers }): Promise<SignInResult> {
  const { email, password, ip, requestId } = input;
  // Counted before the password is checked, so parallel guesses cannot all be checked.
  const attempt = await beginSignInAttempt(email, ip);
  if (!attempt.allowed) return throttled(email, requestId, attempt.retryAfterSeconds);

  const auth = await getAuth();
  try {
    // Only the client's user agent and address travel into the session record; nothing else of the request is trusted.
    const headers = new Headers();
    const userAgent = input.headers.get("user-agent");
    if (userAgent) headers.set("user-agent", userAgent);
    headers.set("x-forwarded-for", ip);
    const response = await auth.api.signInEmail({ body: { email, password, rememberMe: true }, headers, asResponse: true });
    if (!response.ok) return await failure(response.status, email, requestId);
    const body = (await response.json()) as { twoFactorRedirect?: boolean; user: { id: string; email: string; name: string; role?: string } };
    // No session yet, and the attempt stays counted as a failure: only the code completes a sign-in (two-factor-sign-in.server.ts).
    if (body.twoFactorRedirect) return { ok: true, twoFactorRequired: true, setCookies: response.headers.getSetCookie() };
    await attempt.succeeded();
    if (!isRole(body.user.role)) {
      return { ok: false, status: 403, code: "forbidden", message: "This account has no role yet. Ask an administrator to set one." };
    }
    await recordAudit({ actor: { id: body.user.id, email }, action: "sign_in", resource: "session", resourceId: null, requestId, outcome: "accepted" });
    return {
      ok: true,
      twoFactorRequired: false,
      user: { id: body.user.id, email: body.user.email, name: body.user.name, role: body.user.role },
      setCookies: response.headers.getSetCookie(),
    };
  } catch (error) {
    if (isAPIError(error)) return failure(error.statusCode, email, requestId);
    throw error;
  }
}

/** An attempt the throttle refused before any check: recorded, and answered with how long to wait. */
export async function throttled(email: string, requestId: string, retryAfterSeconds: number): Promise<SignInResult> {
  await recordRejectedSignIn(email, requestId, "throttled");
  return {
    ok: false,
    status: 429,
    code: "rate_limited",
    message: `Too many failed sign-ins from here. Try again in ${describeWait(retryAfterSeconds)}, or ask an administrator to reset the password.`,
    retryAfterSeconds,
  };
}

/** The attempt already counted as a failure when it began; here it is only recorded and answered. */
async function failure(status: number, email: string, requestId: string): Promise<SignInResult> {
  await recordRejectedSignIn(email, requestId, status === 403 ? "deactivated" : null);
  if (status === 403) {
    return { ok: false, status: 403, code: "forbidden", message: "This account has been deactivated. Ask an administrator to reactivate it." };
  }
  return { ok: false, status: 401, code: "unauthenticated", message: BAD_CREDENTIALS_MESSAGE };
}
