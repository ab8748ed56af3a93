/**
 * Largest Contentful Paint, Total Blocking Time and Cumulative Layout Shift
 * from the browser's own performance entries, computed as Lighthouse and the
 * web-vitals library define them, without adding either as a dependency.
 */
export interface LongTask {
  startTime: number;
  duration: number;
}

export interface LayoutShift {
  startTime: number;
  value: number;
}

export interface RawVitals {
  firstContentfulPaint: number | null;
  largestContentfulPaint: number | null;
  largestContentfulElement: string | null;
  longTasks: LongTask[];
  layoutShifts: LayoutShift[];
  /** The element that moved in the largest single shift, to say what shifts. */
  largestShiftSource: string | null;
}

const BLOCKING_THRESHOLD_MS = 50;

/**
 * The time long tasks kept the main thread from answering input, between
 * first contentful paint and `until` (Lighthouse: FCP to Time to Interactive).
 * A task crossing either edge counts only with its part inside them.
 */
export function totalBlockingTime(tasks: readonly LongTask[], from: number, until = Number.POSITIVE_INFINITY): number {
  let total = 0;
  for (const task of tasks) {
    const start = Math.max(task.startTime, from);
    const end = Math.min(task.startTime + task.duration, until);
    total += Math.max(0, end - start - BLOCKING_THRESHOLD_MS);
  }
  return total;
}

/**
 * The largest burst of layout shifts: shifts less than 1 s apart form a
 * session of at most 5 s, and the score is the sum of the worst session.
 * Shifts right after input are left out by the caller (hadRecentInput).
 */
export function cumulativeLayoutShift(shifts: readonly LayoutShift[]): number {
  let worst = 0;
  let sessionValue = 0;
  let sessionStart = Number.NEGATIVE_INFINITY;
  let previous = Number.NEGATIVE_INFINITY;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous >= 1000 || shift.startTime - sessionStart >= 5000) {
      sessionValue = 0;
      sessionStart = shift.startTime;
    }
    sessionValue += shift.value;
    previous = shift.startTime;
    worst = Math.max(worst, sessionValue);
  }
  return worst;
}

declare global {
  interface Window {
    __benchVitals?: RawVitals;
  }
}

/**
 * Runs in the page before any of its scripts (Playwright's addInitScript):
 * the observers see every entry from the start, whatever the page does later.
 * Self-contained, since it is sent to the browser as source text.
 */
export function observeVitals(): void {
  const vitals: RawVitals = {
    firstContentfulPaint: null,
    largestContentfulPaint: null,
    largestContentfulElement: null,
    longTasks: [],
    layoutShifts: [],
    largestShiftSource: null,
  };
  let largestShift = 0;
  const describe = (node: Node | null | undefined) => {
    if (!node || !(node instanceof Element)) return null;
    const label = node.getAttribute("aria-label") ?? node.id ?? "";
    return `${node.tagName.toLowerCase()}${label ? ` [${label.slice(0, 40)}]` : ""} "${(node.textContent ?? "").trim().slice(0, 40)}"`;
  };
  window.__benchVitals = vitals;
  const observe = (type: string, onEntry: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // An entry type this browser does not report stays null or empty, and shows as n/a.
    }
  };
  observe("paint", (entry) => {
    if (entry.name === "first-contentful-paint") vitals.firstContentfulPaint = entry.startTime;
  });
  observe("largest-contentful-paint", (entry) => {
    vitals.largestContentfulPaint = entry.startTime;
    const element = (entry as PerformanceEntry & { element?: Element | null }).element;
    vitals.largestContentfulElement = element
      ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.textContent ?? "").trim().slice(0, 40)}"`
      : null;
  });
  observe("longtask", (entry) => vitals.longTasks.push({ startTime: entry.startTime, duration: entry.duration }));
  observe("layout-shift", (entry) => {
    const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
    if (shift.hadRecentInput) return;
    vitals.layoutShifts.push({ startTime: shift.startTime, value: shift.value });
    if (shift.value > largestShift) {
      largestShift = shift.value;
      vitals.largestShiftSource = describe(shift.sources?.[0]?.node);
    }
  });
}
