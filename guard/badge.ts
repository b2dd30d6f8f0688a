import type { Verdict } from './verdict';

/**
 * The live hint: a small count of identifiers pinned to the prompt box's corner. Typing must never lag, so
 * nothing here runs inside an input or mutation callback: they only mark the badge dirty, and the check
 * and the layout read happen in one idle callback.
 */
export interface BadgeDeps {
  doc: Document;
  findComposer(): HTMLElement | undefined;
  read(composer: HTMLElement): string;
  check(text: string): Verdict;
  /** Runs `work` when the page is idle (requestIdleCallback with a timeout, or a timer). */
  idle(work: () => void): void;
}

export interface Badge {
  /** Marks the badge out of date; the update happens on idle. Cheap: call it from any event. */
  schedule(): void;
  destroy(): void;
  /** For tests: the count shown now (0 = hidden). */
  readonly count: number;
}

export const BADGE_HOST_TAG = 'phi-guard-badge';

const STYLE = `
:host { all: initial; position: fixed; z-index: 2147483646; pointer-events: none; }
div { font: 600 11px/1 system-ui, sans-serif; color: #fff; border-radius: 10px; padding: 4px 8px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); white-space: nowrap; }
div.warn { background: #b35c00; } div.block { background: #c92a2a; }
`;

export function createBadge(deps: BadgeDeps): Badge {
  const { doc } = deps;
  let scheduled = false;
  let destroyed = false;
  let observed: HTMLElement | undefined;
  let count = 0;
  let host: HTMLElement | undefined;
  let label: HTMLDivElement | undefined;
  const observer = new MutationObserver(() => schedule());

  function schedule() {
    if (scheduled || destroyed) return;
    scheduled = true;
    deps.idle(() => {
      scheduled = false;
      if (!destroyed) update();
    });
  }

  function ensureHost(): HTMLDivElement {
    if (host?.isConnected && label) return label;
    host = doc.createElement(BADGE_HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    label = doc.createElement('div');
    label.setAttribute('role', 'status');
    root.append(style, label);
    doc.documentElement.append(host);
    return label;
  }

  function hide() {
    count = 0;
    if (host) host.style.display = 'none';
  }

  function update() {
    const composer = deps.findComposer();
    if (composer !== observed) {
      observer.disconnect();
      observed = composer;
      // Single-page apps replace the prompt box on navigation; the observer follows the current one only.
      if (composer) observer.observe(composer, { characterData: true, childList: true, subtree: true });
    }
    if (!composer) return hide();
    const verdict = deps.check(deps.read(composer));
    const n = verdict.action === 'allow' ? 0 : verdict.findings.length;
    if (n === 0 && !verdict.failure) return hide();
    const div = ensureHost();
    count = n;
    div.className = verdict.action === 'block' ? 'block' : 'warn';
    div.textContent = verdict.failure ? 'PHI Guard: check failed' : `${n} identifier${n === 1 ? '' : 's'}`;
    div.setAttribute('aria-label', `PHI Guard: ${div.textContent} in this prompt`);
    const rect = composer.getBoundingClientRect();
    if (host) {
      host.style.display = 'block';
      host.style.top = `${Math.max(0, rect.top - 22)}px`;
      host.style.left = `${Math.max(0, rect.right - 110)}px`;
    }
  }

  return {
    schedule,
    get count() {
      return count;
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      host?.remove();
    },
  };
}
