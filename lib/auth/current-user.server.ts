import "server-only";
import { pendingAccountStep } from "@/lib/auth/account-setup.server";
import type { PendingAccountStep } from "@/lib/auth/account-step-types";
import { getAuth, sessionCookieName } from "@/lib/auth/auth.server";
import { isRole, type Role } from "@/lib/auth/roles";
import { readSessionCookie, recallSession, rememberSession, sessionLookupStarts } from "@/lib/auth/session-cache.server";
import { serverEnv } from "@/lib/env.server";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  twoFactorEnabled: boolean;
  /** Set when the person must change their password or set up two-factor sign-in before anything else. */
  pendingStep: PendingAccountStep | null;
}

/**
 * The signed-in person behind a request, or null. Checks what the session
 * library does not: the absolute session lifetime, and that the stored role
 * is one the dashboard knows (anything else is treated as signed out rather
 * than guessed at).
 */
export async function getCurrentUser(headers: Headers): Promise<CurrentUser | null> {
  return (await getCurrentSession(headers)).user;
}

/**
 * The same, plus the Set-Cookie headers that renew the session cookie when
 * the session slid forward; API routes pass them on so an active person's
 * cookie lives as long as their session.
 */
export async function getCurrentSession(headers: Headers): Promise<{ user: CurrentUser | null; setCookies: string[] }> {
  // A cookie checked a few seconds ago needs no database round trip (ADR-024).
  const cookie = readSessionCookie(headers, sessionCookieName());
  const remembered = cookie && recallSession(cookie);
  if (remembered) return { user: remembered, setCookies: [] };

  const lookupStartedAt = sessionLookupStarts();
  const auth = await getAuth();
  const { headers: responseHeaders, response: result } = await auth.api.getSession({ headers, returnHeaders: true });
  const setCookies = responseHeaders.getSetCookie();
  if (!result) return { user: null, setCookies };
  const user = await checkSession(result, headers);
  if (user && cookie) rememberSession(cookie, user, lookupStartedAt, sessionEndsAt(result.session));
  return { user, setCookies };
}

/** The earlier of the idle expiry and the absolute limit: a remembered session never outlives either. */
function sessionEndsAt(session: { createdAt: Date; expiresAt: Date }): number {
  const absoluteLimitMs = serverEnv().SESSION_ABSOLUTE_HOURS * 3600 * 1000;
  return Math.min(new Date(session.expiresAt).getTime(), new Date(session.createdAt).getTime() + absoluteLimitMs);
}

async function checkSession(
  {
    session,
    user,
  }: {
    session: { createdAt: Date; token: string; id: string };
    user: { id: string; email: string; name: string; role?: string | null; banned?: boolean | null; twoFactorEnabled?: boolean | null };
  },
  headers: Headers,
): Promise<CurrentUser | null> {
  const auth = await getAuth();
  const absoluteLimitMs = serverEnv().SESSION_ABSOLUTE_HOURS * 3600 * 1000;
  if (Date.now() - new Date(session.createdAt).getTime() > absoluteLimitMs) {
    await auth.api.revokeSession({ body: { token: session.token }, headers }).catch(() => undefined);
    return null;
  }
  if (user.banned || !isRole(user.role)) return null;
  const twoFactorEnabled = Boolean(user.twoFactorEnabled);
  const pendingStep = await pendingAccountStep({ id: user.id, role: user.role, twoFactorEnabled });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, twoFactorEnabled, pendingStep };
}
