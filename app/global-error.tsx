"use client";

import Link from "next/link";
import "./globals.css";

/**
 * The last resort, when the root layout itself fails: it replaces the whole
 * document, so it brings its own html, body and styles. Screens inside the
 * dashboard fail into app/(dashboard)/error.tsx instead, with the navigation kept.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <main id="main" className="mx-auto max-w-xl px-4 py-16">
          <title>Something went wrong · Tradesdesk</title>
          <h1 className="text-2xl font-semibold tracking-tight">Tradesdesk could not be shown</h1>
          <p className="mt-2 text-slate-700">Something went wrong while loading the page. Nothing you saved is affected.</p>
          <div className="mt-6 flex gap-4">
            <button type="button" onClick={() => retry()} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white">
              Try again
            </button>
            <Link href="/" className="px-1 py-2 font-medium underline">
              Go to the overview
            </Link>
          </div>
        </main>
      </body>
    </html>
  );
}
