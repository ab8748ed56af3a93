"use client";

import { useEffect, useRef, type ComponentProps } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";

/**
 * A form whose controls stay disabled until the page's script has taken over.
 *
 * Before hydration the form is plain HTML: anything typed into it is
 * overwritten when react-hook-form registers its fields (typed input lost),
 * and Enter would submit it natively as a GET, putting every value (a
 * password included) into the address bar and the server's access log. A
 * disabled fieldset prevents both, and costs nothing once the page is live.
 *
 * `autoFocus` on a disabled control does nothing, so the control to focus
 * first is marked `data-autofocus` and focused here once the form is live.
 */
export function ReadyForm({ children, ...formProps }: ComponentProps<"form">) {
  const ready = useHydrated();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!ready) return;
    const first = form.current?.querySelector<HTMLElement>("[data-autofocus]");
    if (first && (document.activeElement === null || document.activeElement === document.body)) first.focus();
  }, [ready]);

  return (
    <form ref={form} {...formProps} aria-busy={ready ? undefined : true}>
      <fieldset disabled={!ready} className="contents">
        {children}
      </fieldset>
    </form>
  );
}
