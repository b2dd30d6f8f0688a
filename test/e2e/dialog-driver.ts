/**
 * Drives PHI Guard's dialog the way a person does. The dialog lives in a closed shadow root, which page
 * scripts (and Playwright's selectors) cannot enter; the DevTools protocol can, so the test reads it
 * there and clicks with real (trusted) mouse and keyboard input at the button's position.
 */
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface DialogView {
  open: boolean;
  title: string;
  /** All text in the dialog (findings, coaching, labels). */
  text: string;
  buttons: { label: string; disabled: boolean; nodeId: number }[];
  selectId?: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function textOf(n: CdpNode): string {
  if (n.nodeName === '#text') return n.nodeValue ?? '';
  if (n.nodeName === 'STYLE') return '';
  return (n.children ?? []).map(textOf).join('');
}

function walk(n: CdpNode, visit: (n: CdpNode) => void): void {
  visit(n);
  for (const c of n.children ?? []) walk(c, visit);
  for (const s of n.shadowRoots ?? []) walk(s, visit);
}

/** The shadow root of our element `nodeName` (e.g. PHI-GUARD-DIALOG), read fresh through DevTools (which can
 * enter closed roots); node ids stay valid until the next read. */
async function shadowOf(page: Page, nodeName: string): Promise<{ host: CdpNode; shadow: CdpNode } | undefined> {
  const s = await cdp(page);
  const { root } = (await s.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  let host: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === nodeName) host = n;
  });
  const shadow = host?.shadowRoots?.[0];
  return host && shadow ? { host, shadow } : undefined;
}

export async function readDialog(page: Page): Promise<DialogView> {
  const shadow = (await shadowOf(page, 'PHI-GUARD-DIALOG'))?.shadow;
  if (!shadow) return { open: false, title: '', text: '', buttons: [] };
  const view: DialogView = { open: true, title: '', text: textOf(shadow), buttons: [] };
  walk(shadow, (n) => {
    if (n.nodeName === 'H2') view.title = textOf(n);
    if (n.nodeName === 'SELECT') view.selectId = n.nodeId;
    if (n.nodeName === 'BUTTON') {
      view.buttons.push({ label: textOf(n), disabled: (n.attributes ?? []).includes('disabled'), nodeId: n.nodeId });
    }
  });
  return view;
}

export async function waitForDialog(page: Page, open = true, timeout = 5000): Promise<DialogView> {
  const end = Date.now() + timeout;
  for (;;) {
    const view = await readDialog(page);
    if (view.open === open) return view;
    if (Date.now() > end) throw new Error(`dialog did not ${open ? 'open' : 'close'} within ${timeout} ms`);
    await page.waitForTimeout(30);
  }
}

async function centre(page: Page, nodeId: number): Promise<{ x: number; y: number }> {
  const s = await cdp(page);
  const { model } = (await s.send('DOM.getBoxModel', { nodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content;
  return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
}

/** Clicks a dialog button by its label, with a real mouse click. */
export async function clickDialog(page: Page, label: string): Promise<void> {
  const view = await waitForDialog(page);
  const b = view.buttons.find((x) => x.label === label);
  if (!b) throw new Error(`no "${label}" button; the dialog offers ${view.buttons.map((x) => x.label).join(', ')}`);
  const { x, y } = await centre(page, b.nodeId);
  await page.mouse.click(x, y);
}

/** Picks the first justification with the keyboard (focus the select, ArrowDown). */
export async function chooseJustification(page: Page): Promise<void> {
  const view = await waitForDialog(page);
  if (view.selectId === undefined) throw new Error('the dialog has no justification choice');
  const s = await cdp(page);
  await s.send('DOM.focus', { nodeId: view.selectId });
  await page.keyboard.press('ArrowDown');
}

export async function dialogLabels(page: Page): Promise<string[]> {
  return (await waitForDialog(page)).buttons.map((b) => b.label);
}

/** The badge's text ('' when absent or hidden), read through the closed shadow root via DevTools. */
export async function readBadge(page: Page): Promise<string> {
  const found = await shadowOf(page, 'PHI-GUARD-BADGE');
  if (!found) return '';
  const style = (found.host.attributes ?? []).join(' ');
  if (style.includes('display: none')) return '';
  return textOf(found.shadow).trim();
}

export interface ChipsView {
  /** Each chip's label ("2 restored on this device"), in page order. */
  chips: { label: string; nodeId: number }[];
  /** The open panel's text ('' when closed) and its buttons. */
  panel: string;
  buttons: { label: string; nodeId: number }[];
}

/** The restored-values chips and their panel, read through the closed shadow root via DevTools. */
export async function readChips(page: Page): Promise<ChipsView> {
  const view: ChipsView = { chips: [], panel: '', buttons: [] };
  const shadow = (await shadowOf(page, 'PHI-GUARD-RESTORED'))?.shadow;
  if (!shadow) return view;
  walk(shadow, (n) => {
    const cls = (n.attributes ?? [])[(n.attributes ?? []).indexOf('class') + 1] ?? '';
    if (n.nodeName === 'BUTTON' && cls.startsWith('chip')) view.chips.push({ label: textOf(n), nodeId: n.nodeId });
    if (n.nodeName === 'DIV' && cls === 'panel') {
      view.panel = textOf(n);
      walk(n, (c) => {
        if (c.nodeName === 'BUTTON') view.buttons.push({ label: textOf(c), nodeId: c.nodeId });
      });
    }
  });
  return view;
}

/** Clicks a node of one of our closed shadow roots with a real mouse click at its centre. */
export async function clickNode(page: Page, nodeId: number): Promise<void> {
  const { x, y } = await centre(page, nodeId);
  await page.mouse.click(x, y);
}
