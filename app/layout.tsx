import type { Metadata } from "next";
import type { ReactNode } from "react";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import "./globals.css";

// Every page is rendered per request: each response carries its own CSP nonce,
// which a page prerendered at build time could not.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Tradesdesk", template: "%s · Tradesdesk" },
  description: "The office dashboard for trades companies on Custom Trades CRM.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <HydrationMarker />
        <TimeZoneCookie />
      </body>
    </html>
  );
}
