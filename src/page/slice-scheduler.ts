/** The longest one slice of work may hold the main thread before it lets the page run. */
export const SLICE_MS = 8;

/**
 * When a slice stops taking new work: well short of SLICE_MS, because the clock is read between
 * pieces of work, and the piece under way when the budget runs out must still end within SLICE_MS
 * even when the garbage collector steps in during it (a scavenge takes 2–4 ms on a long page), or
 * the system runs another thread in its place (the background matches the page's text at the same
 * time: on two cores the main thread is sometimes set aside in mid-slice). With 6 ms, 2–3 of a 1 MB
 * page's slices ran over 8 ms; with 4, none while the matching ran in the page, one since it runs
 * in the background; with 3, none in the median of 8 loads, for the same total time (measured in
 * Chromium, both builds taking turns on the same page).
 */
export const SLICE_BUDGET_MS = 3;

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/**
 * Gives the main thread back to the page for a moment, as an ordinary task that waits its turn
 * behind the page's own. Not `scheduler.yield()`: its continuations run ahead of other tasks, so a
 * long scan starved the page's timers and the IntersectionObserver callbacks that draw underlines
 * near the viewport (measured: no underline for 6.9 s on a 5 MB page). Not `setTimeout(0)` either:
 * after a few nested timers the browser makes each one wait at least 4 ms, which idled the main
 * thread for about a third of a long scan. A message to ourselves is queued like a timer, unclamped.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(undefined);
  });
}
