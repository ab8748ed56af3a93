import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { recordAudit } from "@/lib/audit/record-audit.server";
import { clearPasswordTemporary } from "@/lib/auth/account-setup.server";
import { getAuth } from "@/lib/auth/auth.server";
import { authErrorCode } from "@/lib/auth/auth-error-code.server";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import type { ChangePasswordInput } from "@/lib/account/account-schemas";
import { assertAcceptablePassword } from "@/lib/passwords/password-policy.server";

export const WRONG_CURRENT_PASSWORD_MESSAGE = "That is not your current password.";

/**
 * A person changes their own password (also how a temporary one is replaced).
 * Every other session they have ends, since whoever else knew the old password
 * may be signed in there; this one continues on a fresh session cookie, which
 * the route passes on.
 */
export async function changeOwnPassword(
  input: ChangePasswordInput,
  context: { user: CurrentUser; requestId: string; headers: Headers },
): Promise<{ setCookies: string[] }> {
  const { user, requestId } = context;
  assertAcceptablePassword(input.new_password, "new_password");
  const auth = await getAuth();
  let setCookies: string[];
  try {
    const result = await auth.api.changePassword({
      body: { currentPassword: input.current_password, newPassword: input.new_password, revokeOtherSessions: true },
      headers: context.headers,
      returnHeaders: true,
    });
    setCookies = result.headers.getSetCookie();
  } catch (error) {
    if (authErrorCode(error) === "INVALID_PASSWORD") {
      await recordAudit({
        actor: { id: user.id, email: user.email },
        action: "password_change",
        resource: "user",
        resourceId: user.id,
        requestId,
        outcome: "rejected",
        detail: "wrong current password",
      });
      throw new ApiError(400, "validation", "One field needs attention.", { current_password: WRONG_CURRENT_PASSWORD_MESSAGE });
    }
    throw error;
  }
  await clearPasswordTemporary(user.id);
  await recordAudit({
    actor: { id: user.id, email: user.email },
    action: "password_change",
    resource: "user",
    resourceId: user.id,
    changes: { password: "changed" },
    requestId,
    outcome: "accepted",
    detail: user.pendingStep === "password_change" ? "replaced a temporary password; other sessions ended" : "other sessions ended",
  });
  return { setCookies };
}
