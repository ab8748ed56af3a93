import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";

/** The frame of the screens before the dashboard, like the sign-in page's, with a way out. */
export function AccountStepFrame({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight text-brand-900">{title}</h1>
        <div className="mb-4 mt-1 text-sm text-slate-600">{intro}</div>
        {children}
        <div className="mt-6 flex items-center justify-end gap-2 border-t border-slate-100 pt-4 text-sm">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
