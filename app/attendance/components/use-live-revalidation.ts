import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * Reloads the page's data every `intervalMs` while the tab is visible, so counts stay live
 * without a full reload. Without JavaScript the page is as fresh as its last load.
 */
export function useLiveRevalidation(intervalMs = 15_000) {
  const revalidator = useRevalidator();
  // The revalidator is a new object on every render; the timer must survive those renders.
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && latest.current.state === "idle") latest.current.revalidate();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
}
