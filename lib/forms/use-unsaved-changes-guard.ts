"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Keeps typed work from being lost by leaving the page. Closing the tab,
 * reloading or going to another site get the browser's own "Leave site?"
 * question (beforeunload). Links inside the dashboard are held back and the
 * page asks with its own dialog (`pendingHref` set; `leave` or `stay`): the
 * App Router has no navigation event to cancel, so link clicks are caught
 * before the router sees them.
 *
 * Not covered: the browser's Back and Forward buttons within the dashboard
 * (the App Router offers no way to cancel those).
 */
export function useUnsavedChangesGuard(when: boolean) {
  const router = useRouter();
  const [pendingHref, setPendingHref] = useState<string | null>(null);
  const bypass = useRef(false);

  useEffect(() => {
    if (!when) return;
    bypass.current = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (bypass.current) return;
      event.preventDefault();
      // Older browsers need returnValue set to ask.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (bypass.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      // Another site is a full page load: beforeunload asks.
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      // Capture phase, before React's handlers: the router never sees this click.
      event.preventDefault();
      event.stopPropagation();
      setPendingHref(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [when]);

  const leave = useCallback(() => {
    const href = pendingHref;
    setPendingHref(null);
    bypass.current = true;
    if (href) router.push(href);
  }, [pendingHref, router]);

  return {
    pendingHref,
    leave,
    stay: useCallback(() => setPendingHref(null), []),
    /** Before navigating away on purpose (after a save): no question. */
    allowLeaving: useCallback(() => {
      bypass.current = true;
    }, []),
  };
}
