import type { Page } from 'playwright-core';
import { round } from './lib/stats';

/** Where the page's main thread spent its time, in ms (Chromium's Performance.getMetrics counters). */
export interface MainThreadTime {
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
}

const COUNTERS = {
  taskMs: 'TaskDuration',
  scriptMs: 'ScriptDuration',
  styleMs: 'RecalcStyleDuration',
  layoutMs: 'LayoutDuration',
} as const;

/**
 * The main thread's time spent while `during` runs: a slow figure then says whether scripts (React, the
 * store) or style and layout are the cost. Painting and rasterizing happen off this thread, not counted.
 */
export async function mainThreadTime(page: Page, during: () => Promise<void>): Promise<MainThreadTime> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const byName = new Map(metrics.map((m) => [m.name, m.value]));
      return Object.fromEntries(
        Object.entries(COUNTERS).map(([key, name]) => [key, (byName.get(name) ?? 0) * 1000]),
      ) as unknown as MainThreadTime;
    };
    const before = await read();
    await during();
    const after = await read();
    return {
      taskMs: round(after.taskMs - before.taskMs, 0),
      scriptMs: round(after.scriptMs - before.scriptMs, 0),
      styleMs: round(after.styleMs - before.styleMs, 0),
      layoutMs: round(after.layoutMs - before.layoutMs, 0),
    };
  } finally {
    await cdp.detach();
  }
}

/** The same, divided over `n` events (edits, frames). */
export function perEvent(total: MainThreadTime, n: number): MainThreadTime {
  return {
    taskMs: round(total.taskMs / n, 1),
    scriptMs: round(total.scriptMs / n, 1),
    styleMs: round(total.styleMs / n, 1),
    layoutMs: round(total.layoutMs / n, 1),
  };
}
