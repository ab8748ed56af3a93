import type { Database } from "./database";
import { migrations } from "./schema";

/**
 * Applies the migrations not yet recorded in sandbox_migrations, each in its
 * own transaction with its record, so a crash never leaves one half-applied.
 * Returns the ids applied this time.
 */
export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`create table if not exists sandbox_migrations (
    id text primary key,
    applied_at timestamptz(3) not null default now()
  )`);
  const { rows } = await db.query<{ id: string }>("select id from sandbox_migrations");
  const applied = new Set(rows.map((row) => row.id));
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query("insert into sandbox_migrations (id) values ($1)", [migration.id]);
    });
    newlyApplied.push(migration.id);
  }
  return newlyApplied;
}
