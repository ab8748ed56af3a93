import "server-only";
import { createHash } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user.server";
import { announceSessionChange, hearsOtherInstances, onSessionChanges, type SessionChange } from "@/lib/crm/cache-invalidation.server";
import { serverEnv } from "@/lib/env.server";

/**
 * Checked sessions remembered for a few seconds (SESSION_CACHE_SECONDS), so
 * that a burst of API calls from one screen costs one session lookup in the
 * app database rather than one each (ADR-024).
 *
 * Kept by the session cookie's whole signed value (hashed), so only the exact
 * cookie that was checked finds the entry. Forgotten at once, here and in
 * every other instance (NOTIFY through lib/crm/cache-invalidation.server.ts),
 * when the session ends or the person's standing changes: sign-out, role,
 * deactivation, password, two-factor, a required account step. On Postgres
 * nothing is remembered while this instance cannot hear the others.
 */
interface Entry {
  user: CurrentUser;
  tokenHash: string;
  expiresAt: number;
}

interface Store {
  entries: Map<string, Entry>;
  /** Moves on at every forget, so a lookup that began before it does not store what it read. */
  generation: number;
}

const SWEEP_ABOVE = 5_000;
const holder = globalThis as typeof globalThis & { __tradesdeskSessionCache?: Store };
const store = (): Store => {
  if (!holder.__tradesdeskSessionCache) {
    holder.__tradesdeskSessionCache = { entries: new Map(), generation: 0 };
    onSessionChanges(dropLocally);
  }
  return holder.__tradesdeskSessionCache;
};

export interface SessionCookie {
  key: string;
  tokenHash: string;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The session cookie of a request, hashed for use as a key; null without exactly one. */
export function readSessionCookie(headers: Headers, cookieName: string): SessionCookie | null {
  const values = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${cookieName}=`))
    .map((part) => part.slice(cookieName.length + 1));
  // Two cookies of one name: which one the session library reads is not ours to guess.
  if (values.length !== 1 || !values[0]) return null;
  const value = values[0];
  let token: string;
  try {
    token = decodeURIComponent(value).split(".")[0] ?? "";
  } catch {
    return null;
  }
  return { key: sha256(value), tokenHash: sha256(token) };
}

export function sessionCacheEnabled(): boolean {
  const env = serverEnv();
  return env.SESSION_CACHE_SECONDS > 0 && hearsOtherInstances(env.DATABASE_URL);
}

/** The person a cookie was last checked to belong to, if that was within the cache's lifetime. */
export function recallSession(cookie: SessionCookie, now = Date.now()): CurrentUser | null {
  if (!sessionCacheEnabled()) return null;
  const entry = store().entries.get(cookie.key);
  if (!entry) return null;
  if (entry.expiresAt <= now) {
    store().entries.delete(cookie.key);
    return null;
  }
  return entry.user;
}

/** Call before reading the session from the database; pass the result to rememberSession. */
export function sessionLookupStarts(): number {
  return store().generation;
}

/** Keeps a checked session, unless something was forgotten since the lookup began or the session ends sooner. */
export function rememberSession(cookie: SessionCookie, user: CurrentUser, lookupStartedAt: number, sessionEndsAt: number, now = Date.now()): void {
  const state = store();
  if (!sessionCacheEnabled() || state.generation !== lookupStartedAt) return;
  if (state.entries.size >= SWEEP_ABOVE) {
    for (const [key, entry] of state.entries) if (entry.expiresAt <= now) state.entries.delete(key);
  }
  const expiresAt = Math.min(now + serverEnv().SESSION_CACHE_SECONDS * 1000, sessionEndsAt);
  if (expiresAt > now) state.entries.set(cookie.key, { user, tokenHash: cookie.tokenHash, expiresAt });
}

/** Forgets sessions here and tells the other instances; resolves once they have been told. */
export async function forgetSessions(change: SessionChange): Promise<void> {
  dropLocally(change);
  await announceSessionChange(change, serverEnv().DATABASE_URL);
}

export const forgetSessionsOf = (userId: string) => forgetSessions({ userIds: [userId] });

/** The session of this cookie, at sign-out. */
export async function forgetSessionCookie(cookie: SessionCookie | null): Promise<void> {
  if (cookie) await forgetSessions({ tokenHashes: [cookie.tokenHash] });
}

function dropLocally(change: SessionChange): void {
  const state = store();
  state.generation += 1;
  if (change.all) {
    state.entries.clear();
    return;
  }
  const tokens = new Set(change.tokenHashes ?? []);
  const users = new Set(change.userIds ?? []);
  for (const [key, entry] of state.entries) {
    if (tokens.has(entry.tokenHash) || users.has(entry.user.id)) state.entries.delete(key);
  }
}
