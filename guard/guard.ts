import { type DetectorId, reportedDetectorId } from '../detectors/ids';
import type { Category, Finding } from '../detectors/types';
import { type ConfidenceBucket, confidenceBucket } from '../events/schema';
import type { Redaction } from '../policies/redact';
import { fallbackSendControlOnPath, sendControlOnPath } from '../sites/define';
import { editingHostOf, isDisabled } from '../sites/dom';
import type { SiteAdapter } from '../sites/types';
import type { DialogChoice, DialogRequest, GuardDialog } from './dialog';
import type { FileVerdict } from './files';
import { findingItems } from './items';
import { DEFAULT_GUARD_POLICY, type GuardPolicy } from './policy';
import { ReplayGate } from './replay';
import { rewriteBox, sameText } from './rewrite';
import type { Checker, Verdict } from './verdict';

/** What the guard reports after holding something: counts, categories and the action, never text. */
export interface HoldReport {
  action: Verdict['action'];
  count: number;
  failed: boolean;
  /** Categories of the findings (none for files, whose items are not categorised). */
  categories?: Category[];
  /** Monitor mode: nothing was held; `action` is what would have happened. */
  monitored?: boolean;
  /** How many findings of each category. */
  counts?: Partial<Record<Category, number>>;
  /** Which detectors fired (known ids; an organisation's pattern is `custom-pattern`). */
  detectors?: DetectorId[];
  /** The bucket of the highest confidence among the findings. */
  confidence?: ConfidenceBucket;
}

/** What the user did with a held prompt or upload, once it is done. */
export interface HoldOutcome {
  outcome: 'redacted' | 'sent-anyway' | 'cancelled';
  /** The id of the reason picked for Send anyway (from the policy's list, never free text). */
  justification?: string;
}

export type Listen = (
  target: EventTarget,
  type: string,
  handler: (event: Event) => void,
  options?: AddEventListenerOptions,
) => void;

export interface GuardDeps {
  win: Window;
  adapter: SiteAdapter;
  checker: Checker;
  dialog: GuardDialog;
  redact(text: string, findings: readonly Finding[]): Redaction;
  scanFiles(files: readonly File[]): Promise<FileVerdict>;
  /** Registers a listener that the content-script context removes when it is invalidated. */
  listen: Listen;
  isTrusted?: (event: Event) => boolean;
  report?: (r: HoldReport) => void;
  /** Told what became of each held prompt or upload. */
  outcome?: (o: HoldOutcome) => void;
  /** A short, non-blocking notice (mode redact: what was replaced automatically). */
  notify?: (message: string) => void;
  /** The composer may have changed (typing, paste): the badge refreshes on idle. */
  changed?: () => void;
  /** The settings, or a getter for them when the admin policy can change while the page is open. */
  policy?: GuardPolicy | (() => GuardPolicy);
}

/** What a report says about findings: categories, counts per category, detectors and a confidence bucket. */
export function summarizeFindings(
  findings: readonly Finding[],
): Required<Pick<HoldReport, 'categories' | 'counts' | 'detectors' | 'confidence'>> {
  const counts: Partial<Record<Category, number>> = {};
  const detectors = new Set<DetectorId>();
  let max: number | undefined;
  for (const f of findings) {
    counts[f.category] = (counts[f.category] ?? 0) + 1;
    const id = reportedDetectorId(f.detector);
    if (id) detectors.add(id);
    if (Number.isFinite(f.confidence) && (max === undefined || f.confidence > max)) max = f.confidence;
  }
  return {
    categories: Object.keys(counts) as Category[],
    counts,
    detectors: [...detectors],
    confidence: confidenceBucket(max),
  };
}

/** A monitored submission is reported once, though the site's own follow-up events pass through here too. */
const MONITOR_DEDUPE_MS = 2000;

const isButtonish = (n: EventTarget): boolean =>
  n instanceof HTMLButtonElement ||
  (n instanceof HTMLInputElement && n.type === 'submit') ||
  (n instanceof Element && n.getAttribute('role') === 'button');

/** How a held submission is replayed once the user has decided. */
type Path =
  | { kind: 'enter'; target: EventTarget; ctrlKey: boolean; metaKey: boolean }
  | { kind: 'click'; control: HTMLElement }
  | { kind: 'submit'; form: HTMLFormElement; submitter: HTMLElement | null }
  | { kind: 'insertParagraph'; target: EventTarget }
  | { kind: 'paste'; target: EventTarget };

/**
 * How long a decision covers the site's own follow-up events for the same text (a late requestSubmit). Any
 * trusted input ends it sooner.
 */
const APPROVAL_MS = 2000;
/** How long the guard waits for a send control to appear or enable after a rewrite. */
const CONTROL_WAIT_MS = 1500;

export interface Guard {
  /** Whether a held submission is being decided or replayed. */
  readonly busy: boolean;
}

/**
 * Wires the interception: capture-phase listeners on window (they run before any of the page's), acting only
 * on trusted events. A clean prompt costs one detection call and nothing else; a prompt with PHI is
 * cancelled, the dialog decides, and the guard replays the submission through the site's own path.
 */
export function startGuard(deps: GuardDeps): Guard {
  const { win, adapter, checker, dialog } = deps;
  const doc = win.document;
  const policyNow = (): GuardPolicy =>
    typeof deps.policy === 'function' ? deps.policy() : (deps.policy ?? DEFAULT_GUARD_POLICY);
  let lastMonitored: { text: string; at: number } | undefined;
  const trusted = deps.isTrusted ?? ((e: Event) => e.isTrusted);
  const gate = new ReplayGate();
  let busy = false;
  /** Text the user chose to send (Send anyway, or the redacted text), and until when that choice covers it. */
  let approved: { text: string; until: number } | undefined;
  let lastKey: { key: string; keyCode: number; shift: boolean; at: number } | undefined;

  const stop = (e: Event) => {
    e.preventDefault();
    e.stopImmediatePropagation();
  };

  const isApproved = (text: string) =>
    approved !== undefined && performance.now() < approved.until && sameText(approved.text, text);

  /** The synchronous decision for a submission: returns true when it was held. */
  function guardSubmission(e: Event, box: HTMLElement, path: Path): boolean {
    if (busy) {
      // A second submission while one is being decided or replayed would race the replay: hold it too.
      stop(e);
      return true;
    }
    const text = adapter.readText(box);
    if (!text.trim() || isApproved(text)) return false;
    const verdict = checker.check(text);
    if (verdict.action === 'allow') {
      if (verdict.monitored) reportMonitored(text, verdict);
      return false;
    }
    stop(e);
    void hold(box, text, verdict, path);
    return true;
  }

  function reportMonitored(text: string, verdict: Verdict) {
    const now = performance.now();
    if (lastMonitored && lastMonitored.text === text && now - lastMonitored.at < MONITOR_DEDUPE_MS) return;
    lastMonitored = { text, at: now };
    deps.report?.({
      action: verdict.monitored ?? 'warn',
      count: verdict.findings.length,
      failed: false,
      ...summarizeFindings(verdict.findings),
      monitored: true,
    });
  }

  function onKeydown(ev: Event) {
    const e = ev as KeyboardEvent;
    if (!trusted(e)) return;
    lastKey = { key: e.key, keyCode: e.keyCode, shift: e.shiftKey, at: e.timeStamp };
    // Shift+Enter is a newline; during an IME composition Enter confirms a word (keyCode 229 on some IMEs).
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod ? !adapter.keys.modEnter : !adapter.keys.enter) return;
    const box = editingHostOf(e);
    if (!box || !adapter.isComposer(box)) return;
    guardSubmission(e, box, { kind: 'enter', target: e.target ?? box, ctrlKey: e.ctrlKey, metaKey: e.metaKey });
  }

  function onBeforeInput(ev: Event) {
    const e = ev as InputEvent;
    // The user editing anything ends an approval: it covered the text as decided, not text typed since.
    // (beforeinput, not input: editors such as Lexical cancel it and apply the edit themselves.)
    if (trusted(e)) approved = undefined;
    if (!trusted(e) || e.isComposing || !adapter.keys.insertParagraph) return;
    if (e.inputType !== 'insertParagraph' && e.inputType !== 'insertLineBreak') return;
    // A real Enter keydown already decided this key press (or was Shift+Enter, a newline).
    if (lastKey && lastKey.key === 'Enter' && lastKey.keyCode !== 229 && e.timeStamp - lastKey.at < 1000) return;
    const box = editingHostOf(e);
    if (!box || !adapter.isComposer(box)) return;
    guardSubmission(e, box, { kind: 'insertParagraph', target: e.target ?? box });
  }

  function onClick(ev: Event) {
    const e = ev as MouseEvent;
    if (gate.consume(e) || !trusted(e) || e.button !== 0) return;
    const path = e.composedPath();
    // Every click on the page comes through here: only selector matches until a button is involved.
    let control = sendControlOnPath(adapter, path);
    let composer: HTMLElement | undefined;
    if (!control) {
      if (!path.some(isButtonish)) return;
      composer = adapter.findComposer(doc);
      // The adapter's send selectors may be stale after a redesign: a send-labelled button by the composer.
      control = composer ? fallbackSendControlOnPath(path, composer) : undefined;
    }
    if (!control || isDisabled(control)) return;
    const box = composer ?? adapter.findComposer(doc) ?? formComposer(control);
    if (!box) return;
    guardSubmission(e, box, { kind: 'click', control });
  }

  /** The prompt box inside a send control's form (for sites whose composer the adapter no longer finds). */
  function formComposer(control: HTMLElement): HTMLElement | undefined {
    const form = control.closest('form');
    return form ? adapter.findComposer(form) : undefined;
  }

  function onSubmit(ev: Event) {
    const e = ev as SubmitEvent;
    if (gate.consume(e) || !trusted(e)) return;
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const box = adapter.findComposer(form);
    if (!box) return;
    guardSubmission(e, box, { kind: 'submit', form, submitter: e.submitter });
  }

  function onPaste(ev: Event) {
    const e = ev as ClipboardEvent;
    if (!trusted(e) || !e.clipboardData) return;
    const files = [...e.clipboardData.files];
    const target = e.target ?? doc.body;
    if (files.length) {
      stop(e);
      void holdFiles(files, (approvedFiles) => replayPaste(target, { files: approvedFiles }));
      return;
    }
    const box = editingHostOf(e);
    if (!box || !adapter.isComposer(box)) return;
    const text = e.clipboardData.getData('text/plain');
    const limit = adapter.pasteAttachmentChars;
    if (limit !== undefined && text.length >= limit) {
      // The site turns this paste into an attachment, which no later Enter check would see: check it now.
      if (guardPastedAttachment(e, box, text)) return;
    }
    deps.changed?.();
  }

  function guardPastedAttachment(e: Event, box: HTMLElement, text: string): boolean {
    if (busy) {
      stop(e);
      return true;
    }
    const verdict = checker.check(text);
    if (verdict.action === 'allow') return false;
    stop(e);
    void hold(box, text, verdict, { kind: 'paste', target: e.target ?? box });
    return true;
  }

  function onDrop(ev: Event) {
    const e = ev as DragEvent;
    if (!trusted(e) || !e.dataTransfer) return;
    const files = [...e.dataTransfer.files];
    if (!files.length) {
      deps.changed?.();
      return;
    }
    stop(e);
    const target = e.target ?? doc.body;
    const { clientX, clientY } = e;
    void holdFiles(files, (ok) => {
      const data = new DataTransfer();
      for (const f of ok) data.items.add(f);
      const init = { dataTransfer: data, clientX, clientY, bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new DragEvent('drop', init));
    });
  }

  function onFileInput(ev: Event) {
    const input = ev.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !trusted(ev)) return;
    const files = [...(input.files ?? [])];
    if (!files.length) return;
    // `input` fires just before `change`; the site must see neither until the files are checked.
    ev.stopImmediatePropagation();
    if (ev.type !== 'change') return;
    // The site must not read the files from the input later either, until they are cleared.
    input.value = '';
    void holdFiles(files, (ok) => {
      const data = new DataTransfer();
      for (const f of ok) data.items.add(f);
      input.files = data.files;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  function replayPaste(target: EventTarget, content: { text?: string; files?: readonly File[] }) {
    const data = new DataTransfer();
    if (content.text !== undefined) data.setData('text/plain', content.text);
    for (const f of content.files ?? []) data.items.add(f);
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
    );
  }

  /** Checks files off the event (reading is asynchronous): clean files are handed on at once, others held. */
  async function holdFiles(files: File[], deliver: (files: readonly File[]) => void) {
    // Not `busy`: a file check does not race a prompt's replay, and a clean Enter meanwhile must not be eaten.
    let verdict: FileVerdict;
    try {
      verdict = await deps.scanFiles(files);
    } catch {
      verdict = { action: 'block', items: [], notes: ['The files could not be checked.'], failed: true };
    }
    if (verdict.action === 'allow') {
      deliver(files);
      return;
    }
    deps.report?.({ action: verdict.action, count: verdict.items.length, failed: verdict.failed === true });
    const many = files.length > 1;
    const policy = policyNow();
    const choice = await dialog.open({
      title: verdict.action === 'block' ? 'This upload contains patient information' : 'Check this upload first',
      summary: [
        `PHI Guard held ${many ? `${files.length} files` : `“${files[0].name}”`} before the site received ${many ? 'them' : 'it'}.`,
        ...verdict.notes,
      ].join(' '),
      items: verdict.items,
      coaching: policy.coaching,
      helpLink: policy.helpLink,
      editLabel: 'Cancel upload',
      sendLabel: verdict.action === 'warn' ? 'Upload anyway' : undefined,
      justifications: policy.justifications,
      requireJustification: policy.requireJustification,
    });
    if (choice.action === 'send' && verdict.action === 'warn') {
      deliver(files);
      deps.outcome?.({ outcome: 'sent-anyway', justification: choice.justification });
    } else {
      deps.outcome?.({ outcome: 'cancelled' });
    }
  }

  function requestFor(text: string, verdict: Verdict): DialogRequest {
    const policy = policyNow();
    const n = verdict.findings.length;
    const found = `${n} possible identifier${n === 1 ? '' : 's'}`;
    const base = {
      items: findingItems(text, verdict.findings),
      coaching: policy.coaching,
      helpLink: policy.helpLink,
      editLabel: 'Edit',
      redactLabel: n > 0 ? 'Redact & send' : undefined,
      justifications: policy.justifications,
      requireJustification: policy.requireJustification,
    };
    if (verdict.failure === 'error') {
      return {
        ...base,
        title: 'PHI Guard could not check this prompt',
        summary: 'Detection failed, so the prompt was held and nothing was sent. Edit it and try again.',
        redactLabel: undefined,
      };
    }
    const slow =
      verdict.failure === 'timeout'
        ? ` Checking took ${Math.round(verdict.ms)} ms, longer than allowed, so the prompt was held to be safe.`
        : '';
    if (verdict.action === 'block') {
      return {
        ...base,
        title: 'This prompt contains patient identifiers',
        summary: `PHI Guard found ${found} and held the prompt; your organisation does not allow sending them.${slow}`,
      };
    }
    return {
      ...base,
      title: 'This prompt may contain patient information',
      summary: `PHI Guard found ${found} and held the prompt before it was sent.${slow}`,
      sendLabel: 'Send anyway',
    };
  }

  async function notice(title: string, summary: string) {
    await dialog.open({ title, summary, items: [], editLabel: 'OK' });
  }

  async function hold(box: HTMLElement, text: string, verdict: Verdict, path: Path) {
    busy = true;
    try {
      deps.report?.({
        action: verdict.action,
        count: verdict.findings.length,
        failed: verdict.failure === 'error',
        ...summarizeFindings(verdict.findings),
      });
      // Mode redact: the organisation chose Redact & send for every prompt with findings; a failed check still asks.
      const auto = policyNow().autoRedact === true && verdict.findings.length > 0 && !verdict.failure;
      const choice: DialogChoice = auto ? { action: 'redact' } : await dialog.open(requestFor(text, verdict));
      // What the user ends up doing; reported once the outcome is known (a failed redaction is a cancel).
      let outcome: HoldOutcome = { outcome: 'cancelled' };
      try {
        outcome = await decided(box, text, verdict, path, choice);
      } finally {
        deps.outcome?.(outcome);
      }
      if (auto && outcome.outcome === 'redacted') {
        const n = verdict.findings.length;
        deps.notify?.(
          `PHI Guard replaced ${n} identifier${n === 1 ? '' : 's'} with placeholders before sending, as your organisation's policy asks.`,
        );
      }
    } finally {
      busy = false;
    }
  }

  async function decided(
    box: HTMLElement,
    text: string,
    verdict: Verdict,
    path: Path,
    choice: DialogChoice,
  ): Promise<HoldOutcome> {
    const cancelled: HoldOutcome = { outcome: 'cancelled' };
    const done: HoldOutcome =
      choice.action === 'send'
        ? { outcome: 'sent-anyway', justification: choice.justification }
        : { outcome: 'redacted' };
    if (choice.action === 'edit') {
      box.focus();
      return cancelled;
    }
    // Only choices the dialog offered count (block mode has no Send anyway; a failed check has neither).
    if (choice.action === 'send' && (verdict.action !== 'warn' || verdict.failure === 'error')) return cancelled;
    if (choice.action === 'redact' && (verdict.findings.length === 0 || verdict.failure === 'error')) {
      return cancelled;
    }
    let sendText = text;
    if (choice.action === 'redact') {
      const redaction = deps.redact(text, verdict.findings);
      sendText = redaction.text;
      if (path.kind === 'paste') {
        approve(sendText);
        replayPaste(path.target, { text: sendText });
        return done;
      }
      const result = await rewriteBox(box, sendText, adapter.readText);
      const now = adapter.readText(box);
      const leftover = [...redaction.mapping.values()].some((v) => now.includes(v));
      if (!result.ok || leftover) {
        await notice(
          'PHI Guard could not redact this prompt',
          'The editor did not accept the redacted text, so nothing was sent. Remove the identifiers by hand.',
        );
        box.focus();
        return cancelled;
      }
    } else if (path.kind === 'paste') {
      approve(text);
      replayPaste(path.target, { text });
      return done;
    }
    // The page could have changed the box while the dialog was open: send only what the user decided on.
    if (!box.isConnected || !sameText(adapter.readText(box), sendText)) {
      await notice('The prompt changed', 'The prompt changed while PHI Guard held it, so nothing was sent.');
      return cancelled;
    }
    approve(sendText);
    focusAtEnd(box);
    return (await replay(box, path)) ? done : cancelled;
  }

  /** Focus with the caret at the end: a click in the dialog moved the selection, and editors such as Quill
   * ignore keys while their selection is elsewhere. */
  function focusAtEnd(box: HTMLElement) {
    box.focus();
    if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) return;
    const sel = doc.getSelection();
    if (!sel || (sel.rangeCount && box.contains(sel.getRangeAt(0).startContainer))) return;
    const range = doc.createRange();
    range.selectNodeContents(box);
    range.collapse(false);
    sel.removeAllRanges();
    sel.addRange(range);
  }

  function approve(text: string) {
    approved = { text, until: performance.now() + APPROVAL_MS };
  }

  async function waitForControl(box: HTMLElement, original?: HTMLElement): Promise<HTMLElement | undefined> {
    const end = performance.now() + CONTROL_WAIT_MS;
    for (;;) {
      const c = adapter.findSendControl(box) ?? (original?.isConnected ? original : undefined);
      if (c && !isDisabled(c)) return c;
      if (performance.now() > end) return undefined;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Replays the held submission; false when it could not be sent. */
  async function replay(box: HTMLElement, path: Path): Promise<boolean> {
    const form = box.closest('form');
    if (path.kind === 'click') {
      const control = await waitForControl(box, path.control);
      if (!control) {
        await notice('PHI Guard could not send', 'The send button did not become available.');
        return false;
      }
      const expect = [{ type: 'click', target: control as EventTarget }];
      const owner = (control as HTMLButtonElement).form ?? null;
      if (owner) expect.push({ type: 'submit', target: owner });
      gate.run(expect, () => control.click());
      return true;
    }
    if (path.kind === 'submit') {
      const target = path.form.isConnected ? path.form : form;
      if (!target) return false;
      const submitter =
        path.submitter?.isConnected && (path.submitter as HTMLButtonElement).form === target ? path.submitter : null;
      gate.run([{ type: 'submit', target }], () => target.requestSubmit(submitter));
      return true;
    }
    if (path.kind === 'insertParagraph') {
      const target = (path.target as Node).isConnected ? path.target : box;
      const init = { inputType: 'insertParagraph', bubbles: true, cancelable: true, composed: true };
      gate.run(form ? [{ type: 'submit', target: form }] : [], () =>
        target.dispatchEvent(new InputEvent('beforeinput', init)),
      );
      return true;
    }
    if (path.kind === 'enter') {
      const target = (path.target as Node).isConnected && box.contains(path.target as Node) ? path.target : box;
      const init = {
        key: 'Enter',
        code: 'Enter',
        keyCode: 13,
        which: 13,
        ctrlKey: path.ctrlKey,
        metaKey: path.metaKey,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      gate.run(form ? [{ type: 'submit', target: form }] : [], () => {
        target.dispatchEvent(new KeyboardEvent('keydown', init));
        target.dispatchEvent(new KeyboardEvent('keyup', init));
      });
      return true;
    }
    return false;
  }

  const capture = { capture: true };
  deps.listen(win, 'keydown', onKeydown, capture);
  deps.listen(win, 'beforeinput', onBeforeInput, capture);
  deps.listen(win, 'click', onClick, capture);
  deps.listen(win, 'submit', onSubmit, capture);
  deps.listen(win, 'paste', onPaste, capture);
  deps.listen(win, 'drop', onDrop, capture);
  deps.listen(win, 'input', onFileInput, capture);
  deps.listen(win, 'change', onFileInput, capture);
  if (deps.changed) {
    const changed = deps.changed;
    deps.listen(win, 'input', () => changed(), { capture: true, passive: true });
    deps.listen(win, 'focusin', () => changed(), { capture: true, passive: true });
  }

  return {
    get busy() {
      return busy;
    },
  };
}
