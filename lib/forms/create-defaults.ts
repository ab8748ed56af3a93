import type { z } from "zod";

type Shape = Record<string, z.ZodType>;

/** Each field's value as the form holds it (what react-hook-form's defaultValues want). */
export type FormState<S extends Shape> = { [K in keyof S]: z.input<S[K]> };

export type WithCreateDefaults<S extends Shape, Required extends keyof S> = {
  [K in keyof S]: K extends Required ? S[K] : z.ZodDefault<S[K]>;
};

/**
 * A create schema's shape from the feature's ONE defaults object, the empty
 * form: every field but the required ones defaults to its form default as the
 * field parses it ("" becomes null, a select's value stays), or to the value
 * in `apiDefaults` where an API client that leaves a field out must get
 * something other than what a new form starts with.
 */
export function withCreateDefaults<S extends Shape, Required extends keyof S>(
  fields: S,
  formDefaults: FormState<S>,
  required: readonly Required[],
  apiDefaults: Partial<{ [K in keyof S]: z.output<S[K]> }> = {},
): WithCreateDefaults<S, Required> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) {
    if ((required as readonly string[]).includes(name)) {
      shape[name] = field;
      continue;
    }
    const value = Object.hasOwn(apiDefaults, name) ? apiDefaults[name] : field.parse(formDefaults[name]);
    shape[name] = field.default(value as never);
  }
  return shape as WithCreateDefaults<S, Required>;
}
