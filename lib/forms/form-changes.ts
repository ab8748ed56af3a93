/**
 * The shared part of "what did this edit change" for both features' forms:
 * the conflict rows a 409 is shown as, the partial update, and the form
 * after a conflict. Each feature says which fields exist, which are hidden
 * (billing copied from physical, the customer's address used) and when two
 * values are the same.
 */

export interface ConflictRow<Field extends string = string> {
  field: Field;
  /** What this person started from. */
  before: unknown;
  /** The record now (someone else's change). */
  current: unknown;
  /** What this person typed. */
  mine: unknown;
  theyChanged: boolean;
  iChanged: boolean;
  /** Both changed it, to different values: theirs is lost if this person applies theirs again. */
  clash: boolean;
}

type Values<Field extends string> = { [K in Field]: unknown };

/** Field by field (in `fields` order), what someone else changed and what this person changed; `skip` leaves rows out. */
export function conflictRows<Field extends string>(
  fields: readonly Field[],
  states: { base: Values<Field>; mine: Values<Field>; current: Values<Field> },
  myChanges: ReadonlySet<Field>,
  same: (field: Field, a: unknown, b: unknown) => boolean,
  skip: (field: Field) => boolean = () => false,
): ConflictRow<Field>[] {
  const { base, mine, current } = states;
  return fields.flatMap((field) => {
    if (skip(field)) return [];
    const theyChanged = !same(field, base[field], current[field]);
    const iChanged = myChanges.has(field);
    if (!theyChanged && !iChanged) return [];
    return [
      {
        field,
        before: base[field],
        current: current[field],
        mine: mine[field],
        theyChanged,
        iChanged,
        clash: theyChanged && iChanged && !same(field, mine[field], current[field]),
      },
    ];
  });
}

/** The partial update: the changed fields (in `fields` order) and the `updated_at` the edit started from. */
export function patchOf<Field extends string>(
  fields: readonly Field[],
  changed: ReadonlySet<Field>,
  values: Values<Field>,
  expectedUpdatedAt: string,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { expected_updated_at: expectedUpdatedAt };
  for (const field of fields) if (changed.has(field)) patch[field] = values[field];
  return patch;
}

/** After a conflict: the record as it is now, with this person's own changes laid on top. */
export function reapplyOnto<State extends Values<Field>, Field extends string>(current: State, mine: State, changed: Iterable<Field>): State {
  const merged: State = { ...current };
  for (const field of changed) merged[field] = mine[field];
  return merged;
}
