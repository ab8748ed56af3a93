"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Field, fieldAria, inputClassName, primaryButtonClassName } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { useCreateUser, type NewUserValues } from "@/lib/users/queries/create-user";
import { createUserSchema, PASSWORD_MIN } from "@/lib/users/user-schemas";
import type { ManagedUser } from "@/lib/users/user-types";
import { ReadyForm } from "@/components/forms/ready-form";

type Values = NewUserValues;
const FIELDS = ["name", "email", "role", "password"] as const;

export function CreateUserForm({ onCreated }: { onCreated: (user: ManagedUser) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const createUser = useCreateUser();
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(createUserSchema),
    mode: "onTouched",
    defaultValues: { name: "", email: "", role: "staff", password: "" },
  });

  async function onSubmit(values: Values) {
    setFormError(null);
    try {
      const user = await createUser.mutateAsync(values);
      reset();
      onCreated(user);
    } catch (error) {
      // The typed values stay in the form: nothing is lost on a failed save.
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  }

  return (
    <section aria-labelledby="new-user" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-user" className="font-medium">
        New user
      </h2>
      <ReadyForm onSubmit={handleSubmit(onSubmit)} noValidate className="mt-3 grid gap-4 sm:grid-cols-2">
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 sm:col-span-2">
            {formError}
          </p>
        )}
        <Field id="new-user-name" label="Name" error={errors.name?.message}>
          <input {...register("name")} {...fieldAria("new-user-name", errors.name?.message)} autoComplete="off" className={inputClassName} />
        </Field>
        <Field id="new-user-email" label="Email" error={errors.email?.message}>
          <input {...register("email")} {...fieldAria("new-user-email", errors.email?.message)} type="email" autoComplete="off" className={inputClassName} />
        </Field>
        <Field id="new-user-role" label="Role" error={errors.role?.message}>
          <select {...register("role")} {...fieldAria("new-user-role", errors.role?.message)} className={inputClassName}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="new-user-password"
          label="Temporary password"
          error={errors.password?.message}
          hint={`At least ${PASSWORD_MIN} characters. Give it to the person privately.`}
        >
          <input
            {...register("password")}
            {...fieldAria("new-user-password", errors.password?.message, "hint")}
            type="password"
            autoComplete="new-password"
            className={inputClassName}
          />
        </Field>
        <div className="sm:col-span-2">
          <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
            {isSubmitting ? "Creating…" : "Create user"}
          </button>
        </div>
      </ReadyForm>
    </section>
  );
}
