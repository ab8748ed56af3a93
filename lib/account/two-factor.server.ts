import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { isTwoFactorRequiredForAdmins } from "@/lib/auth/account-setup.server";
import { getAuth } from "@/lib/auth/auth.server";
import { authErrorCode } from "@/lib/auth/auth-error-code.server";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import { forgetSessionsOf } from "@/lib/auth/session-cache.server";

interface Context {
  user: CurrentUser;
  requestId: string;
  headers: Headers;
}

export interface TwoFactorEnrolment {
  /** For an authenticator app: an otpauth:// URI (what a QR code would hold). */
  totpUri: string;
  /** The same secret, base32, for typing into an app by hand. */
  secret: string;
  /** One-use codes for when the phone is not at hand; shown once. */
  backupCodes: string[];
}

const WRONG_PASSWORD = "That is not your password.";

/**
 * Step one of turning two-factor sign-in on: a new secret and backup codes,
 * kept unverified until the person proves their app has the secret
 * (confirmTwoFactor). Starting again replaces an unconfirmed secret.
 */
export async function startTwoFactorEnrolment(password: string, context: Context): Promise<TwoFactorEnrolment> {
  if (context.user.twoFactorEnabled) throw new ApiError(409, "conflict", "Two-factor sign-in is already on.");
  const auth = await getAuth();
  try {
    const result = await auth.api.enableTwoFactor({ body: { password }, headers: context.headers });
    if (!("totpURI" in result) || !result.totpURI) throw new Error("two-factor enrolment returned no TOTP URI");
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return { totpUri: result.totpURI, secret, backupCodes: result.backupCodes ?? [] };
  } catch (error) {
    if (authErrorCode(error) === "INVALID_PASSWORD") throw new ApiError(400, "validation", "One field needs attention.", { password: WRONG_PASSWORD });
    if (authErrorCode(error) === "TOTP_ALREADY_ENABLED") throw new ApiError(409, "conflict", "Two-factor sign-in is already on.");
    throw error;
  }
}

/** Step two: a code from the app turns two-factor sign-in on. The session moves to a new cookie, which the route passes on. */
export async function confirmTwoFactor(code: string, context: Context): Promise<{ setCookies: string[] }> {
  const auth = await getAuth();
  try {
    const result = await auth.api.verifyTOTP({ body: { code }, headers: context.headers, returnHeaders: true });
    await audit(context, "two_factor_enable");
    return { setCookies: result.headers.getSetCookie() };
  } catch (error) {
    const code = authErrorCode(error);
    if (code === "INVALID_CODE") {
      throw new ApiError(400, "validation", "One field needs attention.", {
        code: "That code is not right. Check the time on your phone, and enter the code the app shows now.",
      });
    }
    if (code === "TOTP_NOT_ENABLED") throw new ApiError(409, "conflict", "Start setting up two-factor sign-in first.");
    throw error;
  }
}

export async function disableTwoFactor(password: string, context: Context): Promise<{ setCookies: string[] }> {
  if (!context.user.twoFactorEnabled) throw new ApiError(409, "conflict", "Two-factor sign-in is already off.");
  if (context.user.role === "admin" && (await isTwoFactorRequiredForAdmins())) {
    throw new ApiError(409, "conflict", "Administrators must keep two-factor sign-in on while it is required for them.");
  }
  const auth = await getAuth();
  try {
    const result = await auth.api.disableTwoFactor({ body: { password }, headers: context.headers, returnHeaders: true });
    await audit(context, "two_factor_disable");
    return { setCookies: result.headers.getSetCookie() };
  } catch (error) {
    if (authErrorCode(error) === "INVALID_PASSWORD") throw new ApiError(400, "validation", "One field needs attention.", { password: WRONG_PASSWORD });
    throw error;
  }
}

/** Also forgets the person's remembered sessions: two-factor on or off changes what they must do (pendingStep). */
async function audit(context: Context, action: "two_factor_enable" | "two_factor_disable") {
  await forgetSessionsOf(context.user.id);
  await recordAudit({
    actor: { id: context.user.id, email: context.user.email },
    action,
    resource: "user",
    resourceId: context.user.id,
    requestId: context.requestId,
    outcome: "accepted",
  });
}
