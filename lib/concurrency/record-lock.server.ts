import "server-only";
import { KeyedLock } from "@/lib/concurrency/keyed-lock";

const holder = globalThis as typeof globalThis & { __tradesdeskRecordLock?: KeyedLock };

/** The process-wide lock for saves of one record (kept on globalThis so every route bundle shares it). */
export const recordLock: KeyedLock = (holder.__tradesdeskRecordLock ??= new KeyedLock());
