import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PENDING_STEP_PATHS } from "@/lib/auth/account-step-types";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user.server";
import { safeNextPath } from "@/lib/auth/safe-next-path";

/**
 * The signed-in person for a page; anyone else is sent to sign in and brought
 * back afterwards, and anyone with a pending account step to that step's screen.
 */
export async function requirePageUser(): Promise<CurrentUser> {
  const requestHeaders = await headers();
  const user = await getCurrentUser(requestHeaders);
  if (!user) {
    const next = safeNextPath(requestHeaders.get("x-tradesdesk-path"));
    redirect(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`);
  }
  // A temporary password or a required two-factor set-up comes before every dashboard page.
  if (user.pendingStep) redirect(PENDING_STEP_PATHS[user.pendingStep]);
  return user;
}
