"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ReadyForm } from "@/components/forms/ready-form";
import { Field, fieldAria, inputClassName, primaryButtonClassName } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/account/account-schemas";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { apiFetch } from "@/lib/http/api-fetch";
import { PASSWORD_MIN } from "@/lib/users/user-schemas";

type Values = z.input<typeof changePasswordSchema>;
const FIELDS = ["current_password", "new_password", "confirm_password"] as const;

/** Used on the account page and on the forced-change screen after an admin set the password. */
export function ChangePasswordForm({ currentLabel = "Current password", onChanged }: { currentLabel?: string; onChanged: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { current_password: "", new_password: "", confirm_password: "" },
  });

  async function onSubmit(values: Values) {
    setFormError(null);
    try {
      await apiFetch("/api/me/password", { method: "POST", json: values });
      reset();
      onChanged();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, FIELDS));
    }
  }

  return (
    <ReadyForm onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      <Field id="current-password" label={currentLabel} error={errors.current_password?.message}>
        <input
          {...register("current_password")}
          {...fieldAria("current-password", errors.current_password?.message)}
          type="password"
          autoComplete="current-password"
          className={inputClassName}
        />
      </Field>
      <Field
        id="new-password"
        label="New password"
        error={errors.new_password?.message}
        hint={`At least ${PASSWORD_MIN} characters, not a commonly used password. A few unrelated words make a good one.`}
      >
        <input
          {...register("new_password")}
          {...fieldAria("new-password", errors.new_password?.message, "hint")}
          type="password"
          autoComplete="new-password"
          className={inputClassName}
        />
      </Field>
      <Field id="confirm-password" label="New password again" error={errors.confirm_password?.message}>
        <input
          {...register("confirm_password")}
          {...fieldAria("confirm-password", errors.confirm_password?.message)}
          type="password"
          autoComplete="new-password"
          className={inputClassName}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {isSubmitting ? "Changing…" : "Change password"}
      </button>
    </ReadyForm>
  );
}
