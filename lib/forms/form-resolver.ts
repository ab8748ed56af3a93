import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { FieldMessages } from "@/lib/forms/cross-field-rules";

/**
 * A form's validation: the shared schema, run on the values as typed ("raw":
 * the form sends what the person typed and the server parses it with the same
 * schema, so nothing is transformed twice).
 *
 * Editing follows the server's partial-update rule (ADR-005): only errors on
 * fields the person changed, or from a cross-field rule reading one of them,
 * block the save, so a record another integration left with odd data can
 * still get an unrelated field corrected. `getBase` gives what the edit
 * started from (after a conflict, the newer record); without it, every error
 * counts (a new record).
 */
export function formResolver<State extends FieldValues>(
  schema: Parameters<typeof zodResolver>[0],
  changedFields: (base: State, values: State) => readonly string[],
  checkRules: (values: State, changed: readonly string[]) => FieldMessages,
): (getBase?: () => State) => Resolver<State, unknown, State> {
  const fullResolver = zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<State, unknown, State>;
  return (getBase) => {
    if (!getBase) return fullResolver;
    return async (values, context, options) => {
      const result = await fullResolver(values, context, options);
      const errors = result.errors as FieldErrors<State>;
      if (Object.keys(errors).length === 0) return result;
      const changed = changedFields(getBase(), values);
      const relevant = new Set<string>([...changed, ...Object.keys(checkRules(values, changed))]);
      const kept = Object.fromEntries(Object.entries(errors).filter(([field]) => relevant.has(field))) as FieldErrors<State>;
      return Object.keys(kept).length > 0 ? { values: {}, errors: kept } : { values, errors: {} };
    };
  };
}
