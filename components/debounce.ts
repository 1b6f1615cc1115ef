import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * `value`, held back while it keeps changing: a change after a pause of `ms` or more passes at once, so that a
 * single keystroke answers without delay; while changes come quicker than that, only the last one passes, `ms`
 * after it.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [passed, setPassed] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useLayoutEffect(() => {
    const now = performance.now();
    const quiet = now - lastChange.current >= ms;
    lastChange.current = now;
    if (quiet) {
      setPassed(value);
      return undefined;
    }
    const timer = setTimeout(() => setPassed(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return passed;
}
