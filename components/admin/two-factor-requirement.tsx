"use client";

import { useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { apiFetch } from "@/lib/http/api-fetch";

/**
 * The rule that admins sign in with two-factor. Turning it on sends every
 * admin without it (this one included) to set it up before anything else,
 * so the page reloads to let the server decide.
 */
export function TwoFactorRequirement({
  initialRequired,
  onMessage,
}: {
  initialRequired: boolean;
  onMessage: (message: { kind: "ok" | "error"; text: string }) => void;
}) {
  const [required, setRequired] = useState(initialRequired);
  const [pending, setPending] = useState(false);

  async function change(next: boolean) {
    setPending(true);
    try {
      const result = await apiFetch<{ require_two_factor_for_admins: boolean }>("/api/admin/settings", {
        method: "PATCH",
        json: { require_two_factor_for_admins: next },
      });
      setRequired(result.require_two_factor_for_admins);
      onMessage({ kind: "ok", text: next ? "Admins must now use two-factor sign-in." : "Two-factor sign-in is no longer required for admins." });
      if (next) window.location.reload();
    } catch (error) {
      onMessage({ kind: "error", text: error instanceof Error ? error.message : "The setting could not be saved." });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="security-settings" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="security-settings" className="mb-2 font-medium">
        Sign-in security
      </h2>
      <CheckboxField
        id="require-two-factor"
        label="Require two-factor sign-in for admins"
        hint="Admins without it are asked to set it up before they can do anything else, you included."
        checked={required}
        disabled={pending}
        onChange={(event) => void change(event.target.checked)}
      />
    </section>
  );
}
