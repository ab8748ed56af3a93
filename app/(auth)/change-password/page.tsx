import type { Metadata } from "next";
import { AccountStepForm } from "@/components/account/account-step-form";
import { AccountStepFrame } from "@/components/account/account-step-frame";
import { requireAccountStep } from "@/lib/auth/account-step-page.server";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ChangePasswordPage() {
  const user = await requireAccountStep("password_change");
  return (
    <AccountStepFrame
      title="Choose a new password"
      intro={<>Hello {user.name}. An administrator set your password, so it is temporary: choose your own before going on.</>}
    >
      <AccountStepForm step="password_change" />
    </AccountStepFrame>
  );
}
