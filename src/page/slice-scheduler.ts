/** How long one slice of work may hold the main thread before it lets the page run. */
export const SLICE_MS = 8;

type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Gives the main thread back to the page for a moment. `scheduler.yield()` keeps our place in the
 * queue where the browser has it; elsewhere a message round trip is the quickest macrotask
 * (a nested `setTimeout(0)` is clamped to 4 ms).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
