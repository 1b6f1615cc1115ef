/**
 * Wraps an event handler so that only events the browser made from the reader's own input reach it.
 * A hostile page can dispatch synthetic clicks and keystrokes; those arrive with `isTrusted` false.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
