// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { assess } from '../policies/assess';
import { BADGE_HOST_TAG, createBadge } from './badge';
import { Checker } from './verdict';

// If these fail, the live hint is wrong, or it does detection work inside typing (input/mutation) callbacks.
describe('badge', () => {
  function setup() {
    for (const h of document.querySelectorAll(BADGE_HOST_TAG)) h.remove();
    document.body.innerHTML = '<textarea id="ta"></textarea>';
    const ta = document.getElementById('ta') as HTMLTextAreaElement;
    const queue: (() => void)[] = [];
    const check = vi.fn((t: string) => new Checker(assess).check(t));
    const badge = createBadge({
      doc: document,
      findComposer: () => document.getElementById('ta') as HTMLElement | undefined,
      read: (el) => (el as HTMLTextAreaElement).value,
      check,
      idle: (work) => queue.push(work),
    });
    const runIdle = () => {
      for (const w of queue.splice(0)) w();
    };
    return { ta, badge, check, runIdle, queue };
  }

  it('only queues work when told of a change, and coalesces', () => {
    const { badge, check, queue } = setup();
    badge.schedule();
    badge.schedule();
    badge.schedule();
    expect(queue).toHaveLength(1);
    expect(check).not.toHaveBeenCalled();
  });

  it('shows the identifier count on idle, and hides for clean text', () => {
    const { ta, badge, runIdle } = setup();
    ta.value = 'Pt SSN 900-12-3456, phone 555-0142, follow up';
    badge.schedule();
    runIdle();
    expect(badge.count).toBeGreaterThanOrEqual(1);
    const host = document.querySelector(BADGE_HOST_TAG) as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    ta.value = 'Write a haiku';
    badge.schedule();
    runIdle();
    expect(badge.count).toBe(0);
    expect(host.style.display).toBe('none');
  });

  it('removes itself when destroyed and ignores later schedules', () => {
    const { ta, badge, runIdle, queue } = setup();
    ta.value = 'SSN 900-12-3456';
    badge.schedule();
    runIdle();
    badge.destroy();
    expect(document.querySelector(BADGE_HOST_TAG)).toBeNull();
    badge.schedule();
    expect(queue).toHaveLength(0);
  });
});
