import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

export const REFRESH_SECONDS = 2;

/**
 * While `waiting`, asks the page's loaders again every few seconds. A document load refreshes by the
 * `Refresh` header alone; a page reached by a client-side navigation needs this to do the same.
 */
export function useRefreshWhile(waiting: boolean) {
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(revalidate, REFRESH_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [waiting, revalidate]);
}
