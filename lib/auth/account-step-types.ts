/**
 * Something a signed-in person must do before anything else: choose their own
 * password after an admin set one, or set up two-factor sign-in when admins
 * are required to have it. Pages send them to the screen for it; API routes
 * answer 403 with the matching code.
 */
export type PendingAccountStep = "password_change" | "two_factor_setup";

export const PENDING_STEP_PATHS: Record<PendingAccountStep, string> = {
  password_change: "/change-password",
  two_factor_setup: "/set-up-two-factor",
};
