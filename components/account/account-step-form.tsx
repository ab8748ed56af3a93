"use client";

import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";
import type { PendingAccountStep } from "@/lib/auth/account-step-types";

/**
 * The screens a person must pass before the dashboard: replacing a temporary
 * password, or setting up two-factor sign-in. A full navigation afterwards,
 * so the server decides where to go next (another step, or the dashboard).
 */
export function AccountStepForm({ step }: { step: PendingAccountStep }) {
  // A full navigation on purpose: the session cookie was just replaced, and the server picks the next screen.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  const done = () => window.location.assign("/");
  return step === "password_change" ? (
    <ChangePasswordForm currentLabel="Temporary password" onChanged={done} />
  ) : (
    <TwoFactorSettings enabled={false} onChanged={done} />
  );
}
