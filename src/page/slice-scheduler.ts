/** How long one slice of work may hold the main thread before it lets the page run. */
export const SLICE_MS = 8;

/**
 * Gives the main thread back to the page for a moment, as an ordinary timer task. Not
 * `scheduler.yield()`: its continuations run ahead of other tasks, so a long scan starved the
 * page's own timers and the IntersectionObserver callbacks that draw underlines near the viewport
 * (measured: no underline for 6.9 s on a 5 MB page). A timer waits its turn behind them.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
