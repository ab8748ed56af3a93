"use client";

import type { UseFormReturn } from "react-hook-form";
import { Field, fieldAria, inputClassName } from "@/components/ui/field";
import type { CustomerFormState } from "@/lib/customers/customer-schema";

type Prefix = "physical" | "billing";
type AddressField = `${Prefix}_${"address1" | "address2" | "city" | "state" | "zip"}`;

const PARTS = [
  { part: "address1", label: "Street address", className: "sm:col-span-6" },
  { part: "address2", label: "Apartment, suite, unit", className: "sm:col-span-6", hint: "Optional" },
  { part: "city", label: "City", className: "sm:col-span-3" },
  { part: "state", label: "State", className: "sm:col-span-1", hint: "2 letters, like WA" },
  { part: "zip", label: "ZIP code", className: "sm:col-span-2" },
] as const;

/**
 * The five parts of a US address. Labels are the short words people expect
 * ("City"); the fieldset's legend says which address they belong to, for
 * screen readers as for everyone else.
 */
export function AddressFields({ form, prefix }: { form: UseFormReturn<CustomerFormState>; prefix: Prefix }) {
  const {
    register,
    formState: { errors },
  } = form;
  return (
    <div className="grid gap-x-4 gap-y-1 sm:grid-cols-6">
      {PARTS.map(({ part, label, className, ...rest }) => {
        const name = `${prefix}_${part}` as AddressField;
        const id = `customer-${name}`;
        const error = errors[name]?.message;
        const hint = "hint" in rest ? rest.hint : undefined;
        return (
          <div key={name} className={className}>
            <Field id={id} label={label} error={error} hint={hint}>
              <input
                {...register(name)}
                {...fieldAria(id, error, hint)}
                // Staff type other people's addresses: the browser's own saved address would be wrong.
                autoComplete="off"
                inputMode={part === "zip" ? "numeric" : undefined}
                autoCapitalize={part === "state" ? "characters" : undefined}
                className={`${inputClassName} ${part === "state" ? "uppercase" : ""}`}
              />
            </Field>
          </div>
        );
      })}
    </div>
  );
}
