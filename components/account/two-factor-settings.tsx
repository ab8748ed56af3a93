"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ReadyForm } from "@/components/forms/ready-form";
import { Field, fieldAria, inputClassName, primaryButtonClassName, secondaryButtonClassName } from "@/components/ui/field";
import { confirmPasswordSchema, totpCodeSchema } from "@/lib/account/account-schemas";
import { applyServerErrors } from "@/lib/forms/apply-server-errors";
import { apiFetch } from "@/lib/http/api-fetch";

interface Enrolment {
  totp_uri: string;
  secret: string;
  backup_codes: string[];
}

/**
 * Turning two-factor sign-in on (password → secret and backup codes → a code
 * from the app) and off (password). No QR code: the secret is shown as text
 * and as its otpauth:// link, which phone apps accept typed or pasted.
 */
export function TwoFactorSettings({
  enabled,
  canTurnOff = true,
  onChanged,
}: {
  enabled: boolean;
  canTurnOff?: boolean;
  onChanged: (enabled: boolean) => void;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [turningOff, setTurningOff] = useState(false);

  if (enabled) {
    return (
      <div className="space-y-3">
        <p className="text-sm">
          <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-emerald-800">On</span> Signing in asks for a code from your authenticator app, or one of
          your backup codes.
        </p>
        {!canTurnOff ? (
          <p className="text-sm text-slate-600">Administrators must keep two-factor sign-in on: an administrator requires it.</p>
        ) : turningOff ? (
          <PasswordStep
            id="two-factor-off-password"
            submitLabel="Turn off two-factor sign-in"
            onSubmit={async (password) => {
              await apiFetch("/api/me/two-factor/disable", { method: "POST", json: { password } });
              setTurningOff(false);
              onChanged(false);
            }}
            onCancel={() => setTurningOff(false)}
          />
        ) : (
          <button type="button" className={secondaryButtonClassName} onClick={() => setTurningOff(true)}>
            Turn off…
          </button>
        )}
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-700">
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-700">Off</span> With it on, signing in also asks for a 6-digit code from an
          authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password, Aegis…).
        </p>
        <PasswordStep
          id="two-factor-on-password"
          submitLabel="Set up two-factor sign-in"
          onSubmit={async (password) => setEnrolment(await apiFetch<Enrolment>("/api/me/two-factor", { method: "POST", json: { password } }))}
        />
      </div>
    );
  }

  return <ConfirmStep enrolment={enrolment} onConfirmed={() => onChanged(true)} />;
}

function PasswordStep({
  id,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  id: string;
  submitLabel: string;
  onSubmit: (password: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof confirmPasswordSchema>>({ resolver: zodResolver(confirmPasswordSchema), defaultValues: { password: "" } });

  return (
    <ReadyForm
      onSubmit={handleSubmit(async ({ password }) => {
        setFormError(null);
        try {
          await onSubmit(password);
        } catch (error) {
          setFormError(applyServerErrors(error, setError, ["password"]));
        }
      })}
      noValidate
      className="max-w-sm space-y-3"
    >
      {formError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      <Field id={id} label="Your password" error={errors.password?.message}>
        <input
          {...register("password")}
          {...fieldAria(id, errors.password?.message)}
          type="password"
          autoComplete="current-password"
          className={inputClassName}
        />
      </Field>
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
          {isSubmitting ? "Checking…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={secondaryButtonClassName} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </ReadyForm>
  );
}

function ConfirmStep({ enrolment, onConfirmed }: { enrolment: Enrolment; onConfirmed: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof totpCodeSchema>>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: "" } });

  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          In your authenticator app, add an account with this key (time-based):
          <p className="mt-1 break-all rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider" aria-label="Two-factor secret key">
            {enrolment.secret}
          </p>
          <p className="mt-1 text-slate-600">
            Or paste the setup link:{" "}
            <code className="break-all text-xs" aria-label="Two-factor setup link">
              {enrolment.totp_uri}
            </code>
          </p>
        </li>
        <li>
          Keep these backup codes somewhere safe. Each one signs you in once when your phone is not at hand. They are not shown again.
          <ul aria-label="Backup codes" className="mt-1 grid max-w-sm grid-cols-2 gap-1 font-mono">
            {enrolment.backup_codes.map((code) => (
              <li key={code} className="rounded bg-slate-100 px-2 py-0.5">
                {code}
              </li>
            ))}
          </ul>
        </li>
        <li>Enter the 6-digit code the app shows now, to finish.</li>
      </ol>
      <ReadyForm
        onSubmit={handleSubmit(async (values) => {
          setFormError(null);
          try {
            await apiFetch("/api/me/two-factor/verify", { method: "POST", json: values });
            onConfirmed();
          } catch (error) {
            setFormError(applyServerErrors(error, setError, ["code"]));
          }
        })}
        noValidate
        className="max-w-sm space-y-3"
      >
        {formError && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {formError}
          </p>
        )}
        <Field id="two-factor-code" label="Code from the app" error={errors.code?.message}>
          <input
            {...register("code")}
            {...fieldAria("two-factor-code", errors.code?.message)}
            inputMode="numeric"
            autoComplete="one-time-code"
            className={inputClassName}
          />
        </Field>
        <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
          {isSubmitting ? "Checking…" : "Turn on two-factor sign-in"}
        </button>
      </ReadyForm>
    </div>
  );
}
