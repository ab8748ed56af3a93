import Link from "next/link";
import { can, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav, type NavItem } from "@/components/layout/main-nav";

/** Navigation lists only screens that exist and that this person may use. */
function navItems(role: Role): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "Overview" }];
  if (can(role, "read")) items.push({ href: "/customers", label: "Customers" }, { href: "/lookup", label: "Caller lookup" });
  items.push(
    { href: "/jobs", label: "Jobs" },
    { href: "/jobs/board", label: "Job board" },
    { href: "/schedule", label: "Schedule" },
    { href: "/trash", label: "Trash" },
  );
  if (can(role, "manage_users")) items.push({ href: "/admin/users", label: "Users" });
  if (can(role, "read_audit")) items.push({ href: "/admin/audit", label: "Audit log" });
  if (can(role, "manage_sync")) items.push({ href: "/admin/sync", label: "Data sync" }, { href: "/admin/crm", label: "CRM compatibility" });
  return items;
}

export function AppHeader({ user }: { user: { name: string; email: string; role: Role } }) {
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex min-h-14 max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 py-2 pl-4 pr-28 sm:pl-6 md:pr-6 lg:px-8">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-900">
          Tradesdesk
        </Link>
        <MainNav items={navItems(user.role)} />
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-700">
            <span className="font-medium">{user.name}</span>{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{ROLE_LABELS[user.role]}</span>
          </span>
          <Link href="/account" className="rounded px-1 py-1 text-slate-700 underline-offset-2 hover:text-brand-700 hover:underline">
            Account
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
