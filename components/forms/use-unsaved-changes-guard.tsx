"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, dangerButtonClassName } from "@/components/ui/alert-dialog";
import { secondaryButtonClassName } from "@/components/ui/field";
import { isLeavingForSignIn } from "@/lib/http/session-end";

/**
 * Keeps a half-filled form from being lost by a stray click. While `dirty`:
 * - closing or reloading the tab asks the browser's own "Leave site?";
 * - a click on a link to another page of the dashboard asks first;
 * - Back asks first. The App Router offers no way to block a navigation, so
 *   the form pushes one extra history entry for its own URL when it becomes
 *   dirty: Back then only steps off that entry (the page stays) and the
 *   question is asked; "Leave" steps back once more.
 *
 * Call `leave(href)` for navigations the person chose in the form itself
 * (after saving, "Open existing customer"): it goes without asking, replacing
 * the extra entry so Back from there returns to the form's page once.
 */
type Pending = { kind: "link"; href: string } | { kind: "back" };

export function useUnsavedChangesGuard(dirty: boolean, what = "this form") {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const dirtyRef = useRef(dirty);
  const leaving = useRef(false);
  const extraEntry = useRef(false);

  useEffect(() => {
    dirtyRef.current = dirty;
    if (!dirty || extraEntry.current) return;
    // Same URL, same router state: the App Router treats a Back onto it as staying put.
    window.history.pushState(window.history.state, "", window.location.href);
    extraEntry.current = true;
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // On the way to sign in after the session ended, the form has kept its draft: no question to ask.
      if (leaving.current || isLeavingForSignIn()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: globalThis.MouseEvent) => {
      if (leaving.current || event.defaultPrevented || event.button !== 0) return;
      // A new tab or window leaves this one as it is.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      // Other sites unload this page: beforeunload asks. A link within the page changes nothing.
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: "link", href: `${url.pathname}${url.search}${url.hash}` });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    // Capture phase: runs before next/link's own click handler.
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);

  useEffect(() => {
    const onPopState = () => {
      if (!extraEntry.current || leaving.current) return;
      // Back stepped off the extra entry onto the form's own.
      extraEntry.current = false;
      if (dirtyRef.current) setPending({ kind: "back" });
      // Changes undone since: the person meant to go back, so go.
      else window.history.back();
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  const leave = useCallback(
    (href: string) => {
      leaving.current = true;
      if (extraEntry.current) router.replace(href);
      else router.push(href);
    },
    [router],
  );

  function stay() {
    if (pending?.kind === "back") {
      window.history.pushState(window.history.state, "", window.location.href);
      extraEntry.current = true;
    }
    setPending(null);
  }

  function confirmLeave(event: MouseEvent<HTMLButtonElement>) {
    // Closing is done here, not by the dialog: its own close would count as "stay".
    event.preventDefault();
    const target = pending;
    setPending(null);
    if (!target) return;
    if (target.kind === "back") {
      leaving.current = true;
      window.history.back();
    } else {
      leave(target.href);
    }
  }

  const dialog: ReactNode = (
    <AlertDialog
      open={pending !== null}
      onOpenChange={(open) => {
        if (!open) stay();
      }}
      title="Leave without saving?"
      description={`Your changes to ${what} haven't been saved. If you leave now, they are lost.`}
    >
      <div className="flex flex-wrap justify-end gap-2">
        <AlertDialogCancel className={secondaryButtonClassName}>Stay on this page</AlertDialogCancel>
        <AlertDialogAction className={dangerButtonClassName} onClick={confirmLeave}>
          Leave without saving
        </AlertDialogAction>
      </div>
    </AlertDialog>
  );

  return { dialog, leave };
}
