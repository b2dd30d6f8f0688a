import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPolicy, orgPolicyCache, userOptions, watchPolicy } from './policy-store';

beforeEach(() => fakeBrowser.reset());

// If these fail, the guard ignores browser policy, or open tabs miss policy changes.
describe('policy store', () => {
  it('resolves managed storage over the cached organisation policy, then the user tightens', async () => {
    await orgPolicyCache.setValue({
      endpoint: 'https://phi.example.org',
      policy: { mode: 'monitor', coachingMessage: 'From the org' },
      fetchedAt: 1,
      checkedAt: 1,
    });
    await fakeBrowser.storage.managed.set({ unsanctionedAction: 'block' });
    await userOptions.setValue({ mode: 'block' });
    const r = await loadPolicy();
    expect(r.policy).toMatchObject({ mode: 'block', coachingMessage: 'From the org', unsanctionedAction: 'block' });
    expect(r.sources).toMatchObject({ mode: 'user', coachingMessage: 'org', unsanctionedAction: 'managed' });
    expect(r.managed).toBe(true);
  });

  it('treats unreadable managed storage as unmanaged, never as "off"', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const r = await loadPolicy();
    expect(r.policy.mode).toBe('warn');
    expect(r.managed).toBe(false);
  });

  it('fires on managed changes and on the org and user keys, not on other local keys', async () => {
    const onChange = vi.fn();
    const stop = watchPolicy(onChange);
    await fakeBrowser.storage.managed.set({ mode: 'block' });
    await userOptions.setValue({ mode: 'block' });
    await fakeBrowser.storage.local.set({ dailyCounts: { day: 'x' } });
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.managed.set({ mode: 'off' });
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
