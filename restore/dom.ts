import type { Match, Replacement, Vault } from './vault';

/**
 * Puts original values back into the page's text where it shows a placeholder, as the chatbot's answer
 * streams in. Design (restore/restore.design.md has the long form):
 *
 * - Only text node *data* is changed, never the element tree: frameworks (React, Svelte, Angular) keep
 *   references to their text nodes and overwrite their data on the next update, which we then see as a
 *   characterData mutation and restore again. Splitting nodes or wrapping values would break their rendering.
 * - What the site wrote is remembered per text node (`site`), next to what we show (`shown`). A node whose
 *   data is still `shown` has not been touched by the site since; any other data is the site's new text.
 *   Display is a pure function of the site's text and the vault, so repeated passes change nothing.
 * - A placeholder can arrive split over several text nodes (word-by-word streaming into spans): matching runs
 *   over the joined text of a block (p, li, td, pre...), the value goes into the node where the placeholder
 *   starts and the rest of it is removed from the following nodes.
 * - Never inside an editable element: the prompt box must keep its placeholders, or the next send would carry
 *   the values. Never inside our own UI.
 * - Each restored value is marked with the CSS Custom Highlight API, which paints ranges without any node.
 */

export interface RestoredValue extends Replacement {}

interface NodeRecord {
  site: string;
  shown: string;
}

export interface RestorerDeps {
  doc: Document;
  /** The vault of the conversation on screen, or undefined when it holds nothing. */
  vault(): Vault | undefined;
  /** Whether values are put back (policy and the clinician's toggle); when off, the site's text is shown. */
  enabled(): boolean;
  /** The message element around `el` (adapter selectors), for grouping; undefined when none matches. */
  messageOf(el: Element): Element | undefined;
  /** Whether `node` belongs to PHI Guard's own UI. */
  isOurs(node: Node): boolean;
  /** Called after a pass that changed which messages hold restored values. */
  changed?(): void;
}

export interface Restorer {
  /** Re-renders every block of the page (the vault or the toggle changed). */
  refresh(): void;
  /** Messages holding placeholders of this conversation, with what each one's placeholders stand for. */
  messages(): Map<Element, RestoredValue[]>;
  /** Whether the page shows a restored value inside `el`. */
  shows(el: Element): boolean;
  stop(): void;
}

const BLOCK_TAGS = new Set([
  'P',
  'LI',
  'TD',
  'TH',
  'PRE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DIV',
  'SECTION',
  'ARTICLE',
  'DD',
  'DT',
  'FIGCAPTION',
  'CAPTION',
  'MAIN',
  'BODY',
  'UL',
  'OL',
  'TABLE',
  'TR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'TEMPLATE', 'SVG']);
export const HIGHLIGHT_NAME = 'phi-guard-restored';

function blockOf(node: Node): Element | undefined {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName)) return el;
  }
  return undefined;
}

/** Inside a prompt box or any editable element (contenteditable, textarea, input). */
function isEditableText(el: Element): boolean {
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el.closest('[contenteditable]:not([contenteditable="false"]), textarea, input') !== null;
}

export function createRestorer(deps: RestorerDeps): Restorer {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  const records = new WeakMap<Text, NodeRecord>();
  /** Blocks showing at least one placeholder of the conversation, with their matches. */
  const blocks = new Map<Element, { values: RestoredValue[]; ranges: Range[]; applied: boolean }>();
  const highlights = (win.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const HighlightCtor = (win as unknown as { Highlight?: new (...r: Range[]) => Set<Range> }).Highlight;
  const highlight = highlights && HighlightCtor ? new HighlightCtor() : undefined;
  if (highlight && highlights) highlights.set(HIGHLIGHT_NAME, highlight);
  let dirty = false;

  const siteText = (node: Text): string => {
    const r = records.get(node);
    return r && node.data === r.shown ? r.site : node.data;
  };

  function textNodesOf(block: Element): Text[] {
    const out: Text[] = [];
    const walker = doc.createTreeWalker(block, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (n === block) return NodeFilter.FILTER_SKIP;
        if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        const el = n as Element;
        // Nested blocks are their own units; skipped subtrees are never read or written.
        if (BLOCK_TAGS.has(el.tagName) || SKIP_TAGS.has(el.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
    return out;
  }

  function forget(block: Element) {
    const entry = blocks.get(block);
    if (!entry) return;
    for (const r of entry.ranges) highlight?.delete(r);
    blocks.delete(block);
    dirty = true;
  }

  function processBlock(block: Element, vault: Vault | undefined, on: boolean) {
    if (!block.isConnected || deps.isOurs(block) || isEditableText(block)) {
      forget(block);
      return;
    }
    const nodes = textNodesOf(block);
    const sites = nodes.map(siteText);
    const joined = sites.join('');
    const matches: Match[] = vault ? vault.find(joined) : [];
    if (matches.length === 0 && !blocks.has(block) && !nodes.some((n) => records.has(n))) return;
    const apply = on && matches.length > 0;
    const ranges: Array<{ node: Text; start: number; end: number }> = [];
    let offset = 0;
    let mi = 0;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const site = sites[i];
      const nodeEnd = offset + site.length;
      let shown = site;
      if (apply) {
        shown = '';
        let pos = offset;
        while (mi < matches.length && matches[mi].start < nodeEnd) {
          const m = matches[mi];
          if (m.start >= pos) {
            shown += site.slice(pos - offset, m.start - offset);
            ranges.push({ node, start: shown.length, end: shown.length + m.original.length });
            shown += m.original;
          }
          // The rest of the placeholder may lie in the following nodes.
          pos = Math.max(pos, Math.min(m.end, nodeEnd));
          if (m.end > nodeEnd) break;
          mi++;
        }
        shown += site.slice(pos - offset);
      }
      if (node.data !== shown) node.data = shown;
      if (shown === site) records.delete(node);
      else records.set(node, { site, shown });
      offset = nodeEnd;
    }
    const old = blocks.get(block);
    if (old) for (const r of old.ranges) highlight?.delete(r);
    if (matches.length === 0) {
      if (old) {
        blocks.delete(block);
        dirty = true;
      }
      return;
    }
    const live: Range[] = [];
    for (const r of ranges) {
      const range = doc.createRange();
      range.setStart(r.node, r.start);
      range.setEnd(r.node, r.end);
      live.push(range);
      highlight?.add(range);
    }
    const values = matches.map((m) => ({ token: m.token, original: m.original }));
    if (!old || old.applied !== apply || !sameValues(old.values, values)) dirty = true;
    blocks.set(block, { values, ranges: live, applied: apply });
  }

  function blocksUnder(root: Node, into: Set<Element>) {
    if (root.nodeType === Node.TEXT_NODE) {
      const b = blockOf(root);
      if (b) into.add(b);
      return;
    }
    if (!(root instanceof Element)) return;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const b = blockOf(n);
      if (b) into.add(b);
    }
  }

  function run(touched: Set<Element>) {
    const vault = deps.vault();
    const on = deps.enabled();
    for (const b of touched) processBlock(b, vault, on);
    // Every mutation batch: no copy of the keys (deleting from a Map while iterating it is safe).
    for (const b of blocks.keys()) if (!b.isConnected) forget(b);
    if (dirty) {
      dirty = false;
      deps.changed?.();
    }
  }

  const observer = new win.MutationObserver((mutations) => {
    const touched = new Set<Element>();
    for (const m of mutations) {
      if (m.type === 'characterData') {
        const b = blockOf(m.target);
        if (b) touched.add(b);
      } else {
        for (const n of m.addedNodes) blocksUnder(n, touched);
        // A removed text node changes its block's joined text (a placeholder split over nodes).
        if (m.removedNodes.length > 0 && m.target instanceof Element) {
          const b = BLOCK_TAGS.has(m.target.tagName) ? m.target : blockOf(m.target);
          if (b) touched.add(b);
        }
      }
    }
    if (touched.size > 0) run(touched);
    watch();
  });
  let observing = false;
  /** The page is watched only while the conversation has replacements: other pages pay nothing. */
  function watch() {
    const need = deps.vault() !== undefined || blocks.size > 0;
    if (need && !observing)
      observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
    else if (!need && observing) observer.disconnect();
    observing = need;
  }

  function refresh() {
    const touched = new Set<Element>(blocks.keys());
    if (deps.vault() && doc.body) blocksUnder(doc.body, touched);
    run(touched);
    // Our own writes are in the observer's queue now; they would change nothing, so drop them.
    if (observing) observer.takeRecords();
    watch();
  }

  return {
    refresh,
    messages() {
      const out = new Map<Element, RestoredValue[]>();
      for (const [block, entry] of blocks) {
        const msg = deps.messageOf(block) ?? block;
        const list = out.get(msg) ?? [];
        for (const v of entry.values) {
          if (!list.some((x) => x.token === v.token && x.original === v.original)) list.push(v);
        }
        out.set(msg, list);
      }
      return out;
    },
    shows(el) {
      for (const [block, entry] of blocks) if (entry.applied && (el.contains(block) || block.contains(el))) return true;
      return false;
    },
    stop() {
      observer.disconnect();
      observing = false;
      for (const b of [...blocks.keys()]) forget(b);
      highlights?.delete(HIGHLIGHT_NAME);
    },
  };
}

function sameValues(a: readonly RestoredValue[], b: readonly RestoredValue[]): boolean {
  return a.length === b.length && a.every((v, i) => v.token === b[i].token && v.original === b[i].original);
}
