import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user.server";
import { safeNextPath } from "@/lib/auth/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reason?: string | string[] }> }) {
  const { next, reason } = await searchParams;
  const destination = safeNextPath(typeof next === "string" ? next : null);
  if (await getCurrentUser(await headers())) redirect(destination);

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight text-brand-900">Sign in to Tradesdesk</h1>
        <p className="mt-1 text-sm text-slate-600">Use the account your administrator made for you.</p>
        {reason === "expired" && (
          <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            Your session has ended. Sign in again to go back to where you were; a form you were filling in keeps what you typed.
          </p>
        )}
        <SignInForm destination={destination} />
      </div>
    </main>
  );
}
