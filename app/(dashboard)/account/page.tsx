import type { Metadata } from "next";
import { AccountSettings } from "@/components/account/account-settings";
import { isTwoFactorRequiredForAdmins } from "@/lib/auth/account-setup.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser();
  const twoFactorRequired = user.role === "admin" && (await isTwoFactorRequiredForAdmins());
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.name} · {user.email} · {ROLE_LABELS[user.role]}
        </p>
      </div>
      <AccountSettings twoFactorEnabled={user.twoFactorEnabled} twoFactorRequired={twoFactorRequired} />
    </div>
  );
}
