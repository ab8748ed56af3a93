import type { Metadata } from "next";
import { AccountStepForm } from "@/components/account/account-step-form";
import { AccountStepFrame } from "@/components/account/account-step-frame";
import { requireAccountStep } from "@/lib/auth/account-step-page.server";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

export default async function SetUpTwoFactorPage() {
  await requireAccountStep("two_factor_setup");
  return (
    <AccountStepFrame
      title="Set up two-factor sign-in"
      intro="Administrators of this dashboard must sign in with a code from an authenticator app as well as their password. Set it up to go on."
    >
      <AccountStepForm step="two_factor_setup" />
    </AccountStepFrame>
  );
}
