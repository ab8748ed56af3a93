import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PENDING_STEP_PATHS, type PendingAccountStep } from "@/lib/auth/account-step-types";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user.server";

/** For the screen of one pending step: strangers go to sign in, everyone else to where they belong. */
export async function requireAccountStep(step: PendingAccountStep): Promise<CurrentUser> {
  const user = await getCurrentUser(await headers());
  if (!user) redirect("/sign-in");
  if (user.pendingStep !== step) redirect(user.pendingStep ? PENDING_STEP_PATHS[user.pendingStep] : "/");
  return user;
}
