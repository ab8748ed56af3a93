"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, fieldAria, inputClassName, primaryButtonClassName } from "@/components/ui/field";
import { ApiRequestError, apiFetch } from "@/lib/http/api-fetch";
import { signInSchema } from "@/lib/users/user-schemas";
import { signInCodeSchema } from "@/lib/account/account-schemas";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { ReadyForm } from "@/components/forms/ready-form";

type SignInValues = z.input<typeof signInSchema>;

export function SignInForm({ destination }: { destination: string }) {
  // After a right password on an account with two-factor sign-in, the same card asks for the code.
  const [needsCode, setNeedsCode] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (needsCode) {
    return (
      <CodeForm
        destination={destination}
        onRestart={(message) => {
          setNotice(message);
          setNeedsCode(false);
        }}
      />
    );
  }
  return <PasswordForm destination={destination} notice={notice} onNeedsCode={() => setNeedsCode(true)} />;
}

function PasswordForm({ destination, notice, onNeedsCode }: { destination: string; notice: string | null; onNeedsCode: () => void }) {
  const [formError, setFormError] = useState<string | null>(notice);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), mode: "onSubmit" });

  async function onSubmit(values: SignInValues) {
    setFormError(null);
    try {
      const result = await apiFetch<{ two_factor_required: boolean }>("/api/auth/sign-in", { method: "POST", json: values });
      if (result.two_factor_required) return onNeedsCode();
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

type CodeValues = z.input<typeof signInCodeSchema>;

function CodeForm({ destination, onRestart }: { destination: string; onRestart: (message: string) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CodeValues>({ resolver: zodResolver(signInCodeSchema), defaultValues: { code: "" } });

  async function onSubmit(values: CodeValues) {
    setFormError(null);
    try {
      await apiFetch("/api/auth/two-factor", { method: "POST", json: values });
      window.location.assign(destination);
    } catch (error) {
      // An expired challenge, or too many wrong codes for it: back to the password.
      if (error instanceof ApiRequestError && error.status === 401) return onRestart(error.message);
      setFormError(applyServerErrors(error, setError, ["code"]));
    }
  }

  return (
    <ReadyForm onSubmit={handleSubmit(onSubmit)} noValidate className="mt-6 space-y-4">
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      <Field
        id="sign-in-code"
        label="Two-factor code"
        error={errors.code?.message}
        hint="The 6-digit code your authenticator app shows, or one of your backup codes."
      >
        <input
          {...register("code")}
          {...fieldAria("sign-in-code", errors.code?.message, "hint")}
          autoComplete="one-time-code"
          data-autofocus
          className={inputClassName}
        />
      </Field>
      <button type="submit" disabled={isSubmitting} className={`${primaryButtonClassName} w-full`}>
        {isSubmitting ? "Checking…" : "Verify and sign in"}
      </button>
    </ReadyForm>
  );
}
