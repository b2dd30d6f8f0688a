import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COVERAGE_DELAY_MS, createCoverageWatch } from './coverage';

describe('coverage watch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports once when no prompt box is found after the delay', () => {
    const report = vi.fn();
    const watch = createCoverageWatch({ found: () => false, report });
    watch.arm();
    vi.advanceTimersByTime(COVERAGE_DELAY_MS - 1);
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledTimes(1);
    // An SPA navigation later: still once per page.
    watch.arm();
    vi.advanceTimersByTime(COVERAGE_DELAY_MS * 3);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('does not report when the prompt box is there at the deadline', () => {
    const report = vi.fn();
    let box = false;
    const watch = createCoverageWatch({ found: () => box, report, delayMs: 500 });
    watch.arm();
    vi.advanceTimersByTime(200);
    box = true;
    vi.advanceTimersByTime(300);
    expect(report).not.toHaveBeenCalled();
  });

  it('checks again after an SPA navigation, restarting the delay', () => {
    const report = vi.fn();
    let box = true;
    const watch = createCoverageWatch({ found: () => box, report, delayMs: 1000 });
    watch.arm();
    vi.advanceTimersByTime(1000);
    expect(report).not.toHaveBeenCalled();
    box = false;
    watch.arm();
    vi.advanceTimersByTime(600);
    watch.arm(); // another navigation before the deadline restarts it
    vi.advanceTimersByTime(600);
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('stops quietly (context invalidated), and treats a throwing finder as no prompt box', () => {
    const report = vi.fn();
    const watch = createCoverageWatch({ found: () => false, report, delayMs: 100 });
    watch.arm();
    watch.stop();
    vi.advanceTimersByTime(1000);
    watch.arm();
    vi.advanceTimersByTime(1000);
    expect(report).not.toHaveBeenCalled();

    const throwing = createCoverageWatch({
      found: () => {
        throw new Error('adapter broke');
      },
      report,
      delayMs: 100,
    });
    throwing.arm();
    vi.advanceTimersByTime(100);
    expect(report).toHaveBeenCalledTimes(1);
  });
});
