/**
 * Coverage watch: on a supported chatbot host, the site adapter must find a prompt box; when it has found none
 * `delayMs` after the page went idle (and again after an SPA navigation), the guard cannot see prompts there and
 * says so once per page. Pure timing logic: the content script supplies the finder, the report and the timers.
 */

/** How long a supported page may go without a prompt box before coverage is reported lost. */
export const COVERAGE_DELAY_MS = 10_000;

export interface CoverageWatchDeps {
  /** Whether the site adapter finds a prompt box now. */
  found(): boolean;
  /** Called at most once per watch (per page). */
  report(): void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
}

export interface CoverageWatch {
  /** The page went idle, or navigated within itself: check again after the delay. */
  arm(): void;
  stop(): void;
}

export function createCoverageWatch(deps: CoverageWatchDeps): CoverageWatch {
  const delay = deps.delayMs ?? COVERAGE_DELAY_MS;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let reported = false;
  let stopped = false;

  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };

  return {
    arm() {
      if (reported || stopped) return;
      cancel();
      timer = setTimer(() => {
        timer = undefined;
        if (reported || stopped) return;
        let ok = false;
        try {
          ok = deps.found();
        } catch {
          ok = false;
        }
        if (ok) return;
        reported = true;
        deps.report();
      }, delay);
    },
    stop() {
      stopped = true;
      cancel();
    },
  };
}
