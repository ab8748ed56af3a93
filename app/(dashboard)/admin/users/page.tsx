import type { Metadata } from "next";
import { UserManager } from "@/components/admin/user-manager";
import { AccessDenied } from "@/components/errors/access-denied";
import { isTwoFactorRequiredForAdmins } from "@/lib/auth/account-setup.server";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { can } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/manage-users.server";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser();
  if (!can(user.role, "manage_users")) return <AccessDenied what="user management" />;
  const [users, twoFactorRequired] = await Promise.all([listUsers(), isTwoFactorRequiredForAdmins()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">Who can sign in to Tradesdesk, and what each person may do.</p>
      </div>
      <UserManager initialUsers={users} currentUserId={user.id} twoFactorRequired={twoFactorRequired} />
    </div>
  );
}
