import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/passwords/common-passwords.server";

/**
 * The server-side rules for a new password, on top of the length the shared
 * schema checks: every place a password is set (an admin creating a user or
 * resetting one, a person changing their own) calls this with the name of the
 * form field the message belongs on.
 */
export function assertAcceptablePassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new ApiError(400, "validation", "One field needs attention.", { [field]: COMMON_PASSWORD_MESSAGE });
  }
}
