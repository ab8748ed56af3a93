import "server-only";
import { recordAudit, recordRejectedSignIn } from "@/lib/audit/record-audit.server";
import { getAuth, twoFactorCookieName } from "@/lib/auth/auth.server";
import { authErrorCode } from "@/lib/auth/auth-error-code.server";
import { isRole } from "@/lib/auth/roles";
import { throttled, type SignInResult } from "@/lib/auth/sign-in.server";
import { beginSignInAttempt } from "@/lib/auth/sign-in-throttle.server";
import { isTotpCode } from "@/lib/account/account-schemas";
import { appDatabase } from "@/lib/db/app-database.server";

export const SIGN_IN_AGAIN_MESSAGE = "This sign-in has expired. Enter your email and password again.";
export const WRONG_CODE_MESSAGE = "That code is not right. Enter the code your authenticator app shows now, or an unused backup code.";

/**
 * The second step of signing in to an account with two-factor sign-in: the
 * code from the authenticator app (6 digits) or a backup code. Better Auth
 * checks the code against the pending challenge its cookie names; around it,
 * the same sign-in throttle and audit entries as the password step, so a
 * wrong code counts as a failed sign-in of that account and that address.
 */
export async function completeTwoFactorSignIn(input: { code: string; ip: string; requestId: string; headers: Headers }): Promise<SignInResult> {
  const { code, ip, requestId } = input;
  const cookieHeader = input.headers.get("cookie") ?? "";
  const pending = await pendingChallenge(cookieHeader);
  if (!pending) return { ok: false, status: 401, code: "unauthenticated", message: SIGN_IN_AGAIN_MESSAGE };
  const { email } = pending;

  // Counted before the code is checked, like the password step.
  const attempt = await beginSignInAttempt(email, ip);
  if (!attempt.allowed) return throttled(email, requestId, attempt.retryAfterSeconds);

  const auth = await getAuth();
  const headers = new Headers({ cookie: cookieHeader, "x-forwarded-for": ip });
  const userAgent = input.headers.get("user-agent");
  if (userAgent) headers.set("user-agent", userAgent);
  const byApp = isTotpCode(code);
  try {
    const { headers: responseHeaders, response } = byApp
      ? await auth.api.verifyTOTP({ body: { code: code.replace(/\s+/g, "") }, headers, returnHeaders: true })
      : await auth.api.verifyBackupCode({ body: { code }, headers, returnHeaders: true });
    const user = response.user as { id: string; email: string; name: string; role?: string | null };
    if (!isRole(user.role)) {
      return { ok: false, status: 403, code: "forbidden", message: "This account has no role yet. Ask an administrator to set one." };
    }
    await attempt.succeeded();
    await recordAudit({
      actor: { id: user.id, email },
      action: "sign_in",
      resource: "session",
      resourceId: null,
      requestId,
      outcome: "accepted",
      detail: byApp ? "with an authenticator code" : "with a backup code",
    });
    return {
      ok: true,
      twoFactorRequired: false,
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      setCookies: responseHeaders.getSetCookie(),
    };
  } catch (error) {
    const errorCode = authErrorCode(error);
    if (errorCode === null) throw error;
    await recordRejectedSignIn(email, requestId, "wrong two-factor code");
    switch (errorCode) {
      case "INVALID_CODE":
      case "INVALID_BACKUP_CODE":
        return { ok: false, status: 400, code: "validation", message: WRONG_CODE_MESSAGE };
      case "ACCOUNT_TEMPORARILY_LOCKED":
        return { ok: false, status: 429, code: "rate_limited", message: "Too many wrong codes. Wait a few minutes and try again." };
      default:
        // Too many wrong codes for this challenge, or it expired: start over.
        return { ok: false, status: 401, code: "unauthenticated", message: SIGN_IN_AGAIN_MESSAGE };
    }
  }
}

/**
 * Whose sign-in the challenge cookie belongs to, for the throttle and the
 * audit log. The cookie is "identifier.signature"; Better Auth checks the
 * signature itself when it verifies the code. The identifier alone is a
 * random 20-character key of a verification row that expires with it, so a
 * forged cookie finds nothing here.
 */
async function pendingChallenge(cookieHeader: string): Promise<{ userId: string; email: string } | null> {
  const name = twoFactorCookieName();
  const raw = cookieHeader
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const identifier = value.slice(0, value.lastIndexOf("."));
  if (!identifier.startsWith("2fa-")) return null;
  const { db } = await appDatabase();
  const row = await db
    .selectFrom("verification")
    .innerJoin("user", "user.id", "verification.value")
    .select(["user.id", "user.email"])
    .where("verification.identifier", "=", identifier)
    .where("verification.expiresAt", ">", new Date())
    .executeTakeFirst();
  return row ? { userId: row.id, email: row.email } : null;
}
