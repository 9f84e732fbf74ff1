import { useEffect, useRef } from 'react';

/**
 * Opens `url` in a new tab the first time it appears (a browser may block it: the page always
 * shows the link as well).
 */
export function useOpenOnce(url: string | null | undefined) {
  const opened = useRef(new Set<string>());
  useEffect(() => {
    if (url == null || opened.current.has(url)) return;
    opened.current.add(url);
    window.open(url, '_blank', 'noopener,noreferrer');
  }, [url]);
}
