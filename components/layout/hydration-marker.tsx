"use client";

import { useEffect } from "react";

/**
 * Marks the page as live (`<html data-hydrated>`) once React has taken it
 * over. Until then the browser's Back and Forward change the address but
 * nothing answers them; end-to-end tests wait for this mark before using them.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
