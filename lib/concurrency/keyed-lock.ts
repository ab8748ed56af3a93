/**
 * Runs tasks that share a key one after another, and tasks with different
 * keys freely. The dashboard uses it so that two saves of the same record in
 * this server process cannot both pass the "is it still the version you saw?"
 * check before either writes: the second sees the first's change and gets its
 * 409. Across several instances on one Postgres, record-lock.server.ts adds
 * an advisory lock in the database.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(task);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      // Only the last task in line removes the entry, so the map does not grow.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  get size() {
    return this.tails.size;
  }
}
