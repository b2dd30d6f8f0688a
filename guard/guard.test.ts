// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findingOf } from '../detectors/test-helpers';
import type { Finding } from '../detectors/types';
import { assess } from '../policies/assess';
import { redact } from '../policies/redact';
import chatgpt from '../sites/chatgpt';
import type { SiteAdapter } from '../sites/types';
import type { DialogChoice, DialogRequest, GuardDialog } from './dialog';
import { startGuard, summarizeFindings } from './guard';
import { DEFAULT_GUARD_POLICY, type GuardPolicy } from './policy';
import { Checker } from './verdict';

const BLOCK = 'Pt seen today, SSN 900-12-3456, follow-up in 2 weeks';
const WARN = 'Patient John Smith, born 03/04/1961, has type 2 diabetes and hypertension. Summarize his plan.';
const CLEAN = 'Write a haiku about autumn leaves';

/** Events the test marks as coming from the user; the guard's trust check sees only these (and submits). */
const user = new WeakSet<Event>();
const asUser = <E extends Event>(e: E): E => {
  user.add(e);
  return e;
};

class FakeDialog implements GuardDialog {
  requests: DialogRequest[] = [];
  choices: DialogChoice[] = [];
  #open = false;
  get isOpen() {
    return this.#open;
  }
  async open(req: DialogRequest): Promise<DialogChoice> {
    this.requests.push(req);
    this.#open = true;
    await Promise.resolve();
    this.#open = false;
    return this.choices.shift() ?? { action: 'edit' };
  }
  destroy() {}
}

let dialog: FakeDialog;
let sent: string[];
let siteKeydowns: KeyboardEvent[];
let removers: (() => void)[];
let ta: HTMLTextAreaElement;
let form: HTMLFormElement;

let notices: string[];

function setup(
  opts: {
    adapter?: SiteAdapter;
    assess?: (t: string) => ReturnType<typeof assess>;
    now?: () => number;
    policy?: GuardPolicy | (() => GuardPolicy);
  } = {},
) {
  notices = [];
  // A test may set up again with other options: the earlier guard's listeners go first.
  for (const r of removers ?? []) r();
  document.body.innerHTML = `<form id="f"><textarea id="ta" aria-label="Message"></textarea>
    <button type="submit" id="send" data-testid="send-button" aria-label="Send prompt">Send</button></form>`;
  ta = document.getElementById('ta') as HTMLTextAreaElement;
  form = document.getElementById('f') as HTMLFormElement;
  sent = [];
  siteKeydowns = [];
  // The "site": sends on Enter in keydown and on submit, reading its own state (the textarea).
  ta.addEventListener('keydown', (e) => {
    siteKeydowns.push(e);
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      sent.push(ta.value);
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    sent.push(ta.value);
  });
  dialog = new FakeDialog();
  removers = [];
  const checker = new Checker(opts.assess ?? assess, undefined, opts.now);
  const report = vi.fn();
  const outcome = vi.fn();
  startGuard({
    win: window,
    adapter: opts.adapter ?? chatgpt,
    checker,
    dialog,
    redact,
    scanFiles: async () => ({ action: 'allow', items: [], notes: [] }),
    listen: (target, type, handler, options) => {
      target.addEventListener(type, handler, options);
      removers.push(() => target.removeEventListener(type, handler, options));
    },
    isTrusted: (e) => user.has(e) || e.type === 'submit',
    notify: (m) => notices.push(m),
    report,
    outcome,
    policy: opts.policy,
  });
  return { checker, report, outcome };
}

afterEach(() => {
  for (const r of removers) r();
});

const enter = (init: KeyboardEventInit = {}) =>
  asUser(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true, ...init }));
const flush = () => new Promise((r) => setTimeout(r, 50));

// If these fail, the guard either lets PHI reach the site's send logic or gets in the way of clean prompts.
describe('guard: Enter', () => {
  beforeEach(() => {
    setup();
  });

  it('lets a clean prompt through untouched, with no dialog', () => {
    ta.value = CLEAN;
    const e = enter();
    ta.dispatchEvent(e);
    expect(sent).toEqual([CLEAN]);
    expect(dialog.requests).toHaveLength(0);
  });

  it('cancels a prompt with PHI before the site sees the key, and opens the dialog (block: no raw send)', async () => {
    ta.value = BLOCK;
    const e = enter();
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(siteKeydowns).toHaveLength(0);
    expect(sent).toEqual([]);
    await flush();
    expect(dialog.requests[0].sendLabel).toBeUndefined();
    expect(dialog.requests[0].redactLabel).toBe('Redact & send');
    expect(dialog.requests[0].items.map((i) => i.value)).toContain('900-12-3456');
  });

  it.each([
    ['Shift+Enter (a newline)', { shiftKey: true }],
    ['Enter during an IME composition', { isComposing: true }],
    ['IME Enter reported as keyCode 229', { keyCode: 229 }],
    ['Alt+Enter', { altKey: true }],
  ])('ignores %s', (_name, init) => {
    ta.value = BLOCK;
    ta.dispatchEvent(enter(init));
    expect(siteKeydowns).toHaveLength(1);
    expect(dialog.requests).toHaveLength(0);
  });

  it('does not act on untrusted (script-made) events', () => {
    ta.value = BLOCK;
    ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(dialog.requests).toHaveLength(0);
    expect(sent).toEqual([BLOCK]);
  });

  it('Send anyway (warn) replays one Enter that the site receives, and is not held again', async () => {
    dialog.choices.push({ action: 'send', justification: 'synthetic' });
    ta.value = WARN;
    ta.dispatchEvent(enter());
    await flush();
    expect(sent).toEqual([WARN]);
    expect(dialog.requests).toHaveLength(1);
  });

  it('ignores a Send anyway choice in block mode (the dialog never offers it)', async () => {
    dialog.choices.push({ action: 'send' });
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    await flush();
    expect(sent).toEqual([]);
  });

  it('Redact & send rewrites the box through the native setter and sends placeholders', async () => {
    dialog.choices.push({ action: 'redact' });
    const inputs: string[] = [];
    ta.addEventListener('input', () => inputs.push(ta.value));
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    await flush();
    await flush();
    expect(sent).toEqual([BLOCK.replace('900-12-3456', '[SSN-1]')]);
    expect(inputs).toEqual([BLOCK.replace('900-12-3456', '[SSN-1]')]);
  });

  it('mode redact: sends the redacted prompt with no dialog and says so in a notice', async () => {
    setup({ policy: { ...DEFAULT_GUARD_POLICY, autoRedact: true } });
    ta.value = WARN;
    ta.dispatchEvent(enter());
    await flush();
    await flush();
    expect(dialog.requests).toHaveLength(0);
    expect(sent).toEqual([
      'Patient [NAME-1], born [DATE-1], has type 2 diabetes and hypertension. Summarize his plan.',
    ]);
    expect(notices).toEqual([
      "PHI Guard replaced 2 identifiers with placeholders before sending, as your organisation's policy asks.",
    ]);
  });

  it('mode redact: a failed check still holds with the dialog and sends nothing', async () => {
    setup({
      policy: { ...DEFAULT_GUARD_POLICY, autoRedact: true },
      assess: () => {
        throw new Error('detector failure');
      },
    });
    ta.value = WARN;
    ta.dispatchEvent(enter());
    await flush();
    expect(dialog.requests).toHaveLength(1);
    expect(dialog.requests[0].title).toBe('PHI Guard could not check this prompt');
    expect(sent).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('holds a second submission while one is being decided, without a second dialog', async () => {
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    const second = enter();
    ta.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests).toHaveLength(1);
  });

  it('does not send when the page changed the text while the dialog was open', async () => {
    dialog.choices.push({ action: 'send' });
    ta.value = WARN;
    ta.dispatchEvent(enter());
    ta.value = `${WARN} and more`;
    await flush();
    expect(sent).toEqual([]);
    expect(dialog.requests[1].title).toBe('The prompt changed');
  });
});

describe('guard: fail closed', () => {
  it('holds when detection throws, and offers only Edit', async () => {
    setup({
      assess: () => {
        throw new Error('detector bug');
      },
    });
    ta.value = CLEAN;
    const e = enter();
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests[0].title).toMatch(/could not check/);
    expect(dialog.requests[0].redactLabel).toBeUndefined();
    expect(dialog.requests[0].sendLabel).toBeUndefined();
  });

  it('holds when detection overruns its budget, saying why', async () => {
    let t = 0;
    setup({
      now: () => t,
      assess: (text) => {
        t += 10_000;
        return assess(text);
      },
    });
    ta.value = CLEAN;
    const e = enter();
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests[0].summary).toMatch(/longer than allowed/);
  });
});

describe('guard: clicks and submits', () => {
  beforeEach(() => {
    setup();
  });

  it('holds a click on the send control (found from an inner node of the composed path)', async () => {
    ta.value = BLOCK;
    const click = asUser(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    document.getElementById('send')?.firstChild?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests).toHaveLength(1);
  });

  it('lets a clean click through', () => {
    ta.value = CLEAN;
    const click = asUser(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    document.getElementById('send')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
  });

  it('holds a trusted submit the site makes itself, and passes exactly its own requestSubmit replay', async () => {
    dialog.choices.push({ action: 'send' });
    ta.value = WARN;
    form.requestSubmit();
    expect(sent).toEqual([]);
    await flush();
    expect(sent).toEqual([WARN]);
    expect(dialog.requests).toHaveLength(1);
  });

  it('after a decision, a user edit ends the approval: the same text is held again', async () => {
    dialog.choices.push({ action: 'send' });
    ta.value = WARN;
    form.requestSubmit();
    await flush();
    ta.dispatchEvent(asUser(new InputEvent('beforeinput', { inputType: 'insertText', data: 'x', bubbles: true })));
    form.requestSubmit();
    await flush();
    expect(dialog.requests).toHaveLength(2);
  });
});

describe('guard: mobile-style insertParagraph', () => {
  it('holds a beforeinput insertParagraph when the adapter says the editor sends on it', async () => {
    setup({ adapter: { ...chatgpt, keys: { ...chatgpt.keys, insertParagraph: true } } });
    ta.value = BLOCK;
    const e = asUser(new InputEvent('beforeinput', { inputType: 'insertParagraph', bubbles: true, cancelable: true }));
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests).toHaveLength(1);
  });

  it('leaves insertParagraph alone on sites that do not send on it', () => {
    setup();
    ta.value = BLOCK;
    const e = asUser(new InputEvent('beforeinput', { inputType: 'insertParagraph', bubbles: true, cancelable: true }));
    ta.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
  });
});

describe('guard: report', () => {
  it('reports the action and a count, never text', async () => {
    const { report } = setup();
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    await flush();
    expect(report).toHaveBeenCalledWith({
      action: 'block',
      count: 1,
      failed: false,
      categories: ['SSN'],
      counts: { SSN: 1 },
      detectors: ['us-ssn'],
      confidence: 'high',
    });
    expect(JSON.stringify(report.mock.calls)).not.toContain('900-12');
  });
});

// If these fail, the popup's counts and the events are wrong, or a policy change needs a page reload.
describe('guard: policy modes and outcomes', () => {
  it('monitor: lets PHI through and reports what would have happened, once per send', async () => {
    const { report } = setup({
      assess: (t) => {
        const a = assess(t);
        return a.action === 'allow' ? a : { ...a, action: 'allow', monitored: a.action };
      },
    });
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    form.requestSubmit();
    await flush();
    expect(sent).toEqual([BLOCK, BLOCK]);
    expect(dialog.requests).toHaveLength(0);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledWith({
      action: 'block',
      count: 1,
      failed: false,
      categories: ['SSN'],
      counts: { SSN: 1 },
      detectors: ['us-ssn'],
      confidence: 'high',
      monitored: true,
    });
  });

  it.each([
    [{ action: 'redact' } as DialogChoice, BLOCK, { outcome: 'redacted' }],
    [
      { action: 'send', justification: 'synthetic' } as DialogChoice,
      WARN,
      { outcome: 'sent-anyway', justification: 'synthetic' },
    ],
    [{ action: 'edit' } as DialogChoice, WARN, { outcome: 'cancelled' }],
    // Send anyway is not on offer for a blocked prompt: a forged choice is a cancel.
    [{ action: 'send' } as DialogChoice, BLOCK, { outcome: 'cancelled' }],
  ])('reports the outcome %j', async (choice, text, expected) => {
    const { outcome } = setup();
    dialog.choices.push(choice);
    ta.value = text;
    ta.dispatchEvent(enter());
    await flush();
    expect(outcome).toHaveBeenCalledTimes(1);
    expect(outcome).toHaveBeenCalledWith(expected);
  });

  it('reads the policy at each hold, so a change applies to the open page', async () => {
    let coaching = 'First message';
    const { checker } = setup({
      policy: () => ({ ...DEFAULT_GUARD_POLICY, coaching, helpLink: 'https://intranet.example.org/ai' }),
    });
    ta.value = WARN;
    ta.dispatchEvent(enter());
    await flush();
    expect(dialog.requests[0]).toMatchObject({
      coaching: 'First message',
      helpLink: 'https://intranet.example.org/ai',
    });
    coaching = 'Second message';
    // The checker is reconfigured too: here, to a policy under which everything blocks.
    checker.configure(
      (t) => ({ ...assess(t), action: assess(t).action === 'allow' ? 'allow' : 'block' }),
      DEFAULT_GUARD_POLICY,
    );
    ta.dispatchEvent(enter());
    await flush();
    expect(dialog.requests[1]).toMatchObject({ coaching: 'Second message' });
    expect(dialog.requests[1].sendLabel).toBeUndefined();
  });
});

describe('guard: lifecycle', () => {
  it('follows a prompt box that a single-page navigation re-rendered (nothing is cached)', async () => {
    setup();
    const fresh = document.createElement('textarea');
    fresh.setAttribute('aria-label', 'Message');
    ta.replaceWith(fresh);
    fresh.value = BLOCK;
    const e = enter();
    fresh.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    await flush();
    expect(dialog.requests).toHaveLength(1);
  });

  it('registers every listener through the context, so an invalidated script leaves none behind', () => {
    setup();
    for (const r of removers.splice(0)) r();
    ta.value = BLOCK;
    ta.dispatchEvent(enter());
    expect(sent).toEqual([BLOCK]);
    expect(dialog.requests).toHaveLength(0);
  });
});

describe('guard: finding summary', () => {
  it('counts per category, lists known detectors once, and buckets the highest confidence', () => {
    const f = (category: Finding['category'], detector: string, confidence: number) =>
      findingOf(category, confidence, { detector });
    expect(
      summarizeFindings([
        f('NAME', 'person-name', 0.7),
        f('NAME', 'person-name', 0.8),
        f('MRN', 'custom:acme-mrn', 0.9),
        f('OTHER_ID', 'not-a-detector', 0.5),
      ]),
    ).toEqual({
      categories: ['NAME', 'MRN', 'OTHER_ID'],
      counts: { NAME: 2, MRN: 1, OTHER_ID: 1 },
      detectors: ['person-name', 'custom-pattern'],
      confidence: 'high',
    });
    expect(summarizeFindings([f('DATE', 'date', 0.7)]).confidence).toBe('medium');
    expect(summarizeFindings([])).toEqual({ categories: [], counts: {}, detectors: [], confidence: 'none' });
  });
});
