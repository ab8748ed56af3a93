"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, fieldAria, inputClassName, primaryButtonClassName } from "@/components/ui/field";
import { ApiRequestError, apiFetch } from "@/lib/http/api-fetch";
import { signInSchema } from "@/lib/users/user-schemas";
import { ReadyForm } from "@/components/forms/ready-form";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ destination }: { destination: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), mode: "onSubmit" });

  async function onSubmit(values: SignInValues) {
    setFormError(null);
    try {
      await apiFetch("/api/auth/sign-in", { method: "POST", json: values });
      // A full navigation, so every server component renders for the signed-in person.
      window.location.assign(destination);
    } catch (error) {
      setFormError(error instanceof ApiRequestError ? error.message : "Signing in failed. Try again.");
    }
  }

  return (
    <ReadyForm onSubmit={handleSubmit(onSubmit)} noValidate className="mt-6 space-y-4">
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      <Field id="email" label="Email" error={errors.email?.message}>
        <input
          {...register("email")}
          {...fieldAria("email", errors.email?.message)}
          type="email"
          autoComplete="username"
          data-autofocus
          className={inputClassName}
        />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <input
          {...register("password")}
          {...fieldAria("password", errors.password?.message)}
          type="password"
          autoComplete="current-password"
          className={inputClassName}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={`${primaryButtonClassName} w-full`}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </ReadyForm>
  );
}
