import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { Providers } from "@/components/layout/providers";
import { LiveUpdates } from "@/components/live/live-updates";
import { UsageBanner } from "@/components/layout/usage-banner";
import { requirePageUser } from "@/lib/auth/page-user.server";
import { usageReport } from "@/lib/crm/usage-meter.server";
import { ViewerTimeZoneProvider } from "@/lib/time/viewer-time-zone-context";
import { viewerTimeZone } from "@/lib/time/viewer-today.server";

/** Every screen behind sign-in shares this frame; the check itself also runs in each page and route. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // Read from the dashboard's own counter: showing it costs no CRM request.
  const [usage, timeZone] = await Promise.all([usageReport().catch(() => null), viewerTimeZone()]);
  return (
    <Providers>
      <LiveUpdates userId={user.id}>
        <ViewerTimeZoneProvider timeZone={timeZone}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
          >
            Skip to content
          </a>
          <AppHeader user={{ name: user.name, email: user.email, role: user.role }} />
          {usage && <UsageBanner usage={usage} />}
          <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:px-8">
            {children}
          </main>
        </ViewerTimeZoneProvider>
      </LiveUpdates>
    </Providers>
  );
}
