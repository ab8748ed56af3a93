import "server-only";
import { betterAuth } from "better-auth";
import type { Dialect } from "kysely";
import { admin, twoFactor } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { appDatabase } from "@/lib/db/app-database.server";
import { authSecret } from "@/lib/auth/auth-secret.server";
import { isHttps, serverEnv } from "@/lib/env.server";

export const SESSION_COOKIE_BASE_NAME = "tradesdesk.session_token";
/** Holds a sign-in whose password was right while it waits for the two-factor code. */
export const TWO_FACTOR_COOKIE_BASE_NAME = "tradesdesk.two_factor";
export const MIN_PASSWORD_LENGTH = 10;

// Only admins may use the user-management API; staff and viewers get no user or session powers.
const accessControl = createAccessControl(defaultStatements);
const authRoles = {
  admin: accessControl.newRole(adminAc.statements),
  staff: accessControl.newRole({ user: [], session: [] }),
  viewer: accessControl.newRole({ user: [], session: [] }),
};

function createAuth(options: { secret: string; dialect: Dialect }) {
  const env = serverEnv();
  const idleSeconds = env.SESSION_IDLE_MINUTES * 60;
  const absoluteSeconds = env.SESSION_ABSOLUTE_HOURS * 3600;
  const https = isHttps();
  return betterAuth({
    appName: "Tradesdesk",
    baseURL: env.APP_URL,
    secret: options.secret,
    database: { dialect: options.dialect, type: "postgres" },
    trustedOrigins: [...env.APP_ORIGINS],
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin, never by sign-up.
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
    },
    session: {
      // expiresIn slides forward on use (updateAge), so it is the idle timeout;
      // the absolute limit is enforced on every request in get-current-user.ts.
      expiresIn: idleSeconds,
      updateAge: Math.min(300, Math.floor(idleSeconds / 4)),
      cookieCache: { enabled: false },
    },
    // Sign-in throttling is per account and per IP, in sign-in-throttle.ts.
    rateLimit: { enabled: false },
    advanced: {
      // Better Auth would prefix "__Secure-"; "__Host-" is stricter (no Domain, Path=/), so name it ourselves.
      useSecureCookies: false,
      cookies: {
        session_token: {
          name: sessionCookieName(https),
          attributes: { secure: https, sameSite: "lax", httpOnly: true, path: "/", maxAge: absoluteSeconds },
        },
        two_factor: {
          name: twoFactorCookieName(https),
          attributes: { secure: https, sameSite: "lax", httpOnly: true, path: "/" },
        },
      },
      database: { generateId: () => crypto.randomUUID() },
    },
    plugins: [
      admin({
        ac: accessControl,
        roles: authRoles,
        adminRoles: ["admin"],
        defaultRole: "viewer",
        bannedUserMessage: "This account has been deactivated. Ask an administrator to reactivate it.",
      }),
      // TOTP (RFC 6238: 6 digits, 30 seconds) with one-use backup codes. No
      // "trust this device": every sign-in asks for a code. The pending
      // challenge lives 5 minutes; the second step goes through
      // lib/auth/two-factor-sign-in.server.ts, which adds the sign-in throttle.
      twoFactor({ issuer: "Tradesdesk", twoFactorCookieMaxAge: 300 }),
    ],
  });
}

export function sessionCookieName(https = isHttps()): string {
  return https ? `__Host-${SESSION_COOKIE_BASE_NAME}` : SESSION_COOKIE_BASE_NAME;
}

export function twoFactorCookieName(https = isHttps()): string {
  return https ? `__Host-${TWO_FACTOR_COOKIE_BASE_NAME}` : TWO_FACTOR_COOKIE_BASE_NAME;
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & { __tradesdeskAuth?: Promise<Auth> };

/** The Better Auth instance, created once per process after the database is ready. */
export function getAuth(): Promise<Auth> {
  holder.__tradesdeskAuth ??= (async () => {
    const database = await appDatabase();
    return createAuth({ secret: await authSecret(database), dialect: database.dialect });
  })().catch((error: unknown) => {
    holder.__tradesdeskAuth = undefined;
    throw error;
  });
  return holder.__tradesdeskAuth;
}
