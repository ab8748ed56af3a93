"use client";

import { useState } from "react";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TwoFactorSettings } from "@/components/account/two-factor-settings";

/** The account page's two sections: one's own password and two-factor sign-in. */
export function AccountSettings({ twoFactorEnabled, twoFactorRequired }: { twoFactorEnabled: boolean; twoFactorRequired: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [enabled, setEnabled] = useState(twoFactorEnabled);

  return (
    <div className="space-y-6">
      <div role="status" aria-live="polite">
        {message && <p className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">{message}</p>}
      </div>
      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-heading" className="mb-3 font-medium">
          Password
        </h2>
        <div className="max-w-sm">
          <ChangePasswordForm onChanged={() => setMessage("Your password was changed. Any other place you were signed in has been signed out.")} />
        </div>
      </section>
      <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="two-factor-heading" className="mb-3 font-medium">
          Two-factor sign-in
        </h2>
        <TwoFactorSettings
          enabled={enabled}
          canTurnOff={!twoFactorRequired}
          onChanged={(now) => {
            setEnabled(now);
            setMessage(now ? "Two-factor sign-in is on. Signing in will ask for a code from your app." : "Two-factor sign-in is off.");
          }}
        />
      </section>
    </div>
  );
}
