import type { Finding } from '../detectors/types';
import { type Redaction, redact, replaceFindings } from '../policies/redact';
import type { Surrogates } from './surrogates';

/**
 * The replacements of one conversation: which placeholder (or surrogate) stands for which original value.
 *
 * It lives in the content script's memory only (an isolated world the page's scripts cannot read): never in
 * extension storage, never in a message to the background, never in an event. A reload, a closed tab or a
 * new conversation starts with an empty vault. See restore/README.md.
 */

export type PlaceholderStyle = 'typed' | 'surrogate';

export interface Replacement {
  /** What was sent instead of the value: a placeholder such as [NAME-1], or a surrogate value. */
  token: string;
  original: string;
}

/** A span of displayed text that stands for an original value. */
export interface Match {
  start: number;
  end: number;
  original: string;
  /** The token as it was sent ([NAME-1], or the surrogate), for the per-message list. */
  token: string;
}

/** [NAME-1] as sent; also \[NAME-1\] (markdown escape) and NAME-1 with no brackets, as models write them. */
const TYPED = /\\?\[([A-Z][A-Z-]{0,20})-(\d{1,4})\\?\]|\b([A-Z][A-Z-]{0,20})-(\d{1,4})\b/g;

export class Vault {
  /** token -> original, in the order the tokens were issued. */
  private readonly typed = new Map<string, string>();
  private readonly surrogateTokens = new Map<string, string>();
  /** When a redaction last added to this vault (performance.now()); a new chat adopts a fresh vault. */
  lastWrite = Number.NEGATIVE_INFINITY;

  constructor(private readonly makeSurrogates?: () => Surrogates) {}

  private surrogates?: Surrogates;

  get size(): number {
    return this.typed.size + this.surrogateTokens.size;
  }

  /** Every replacement issued in this conversation, typed placeholders first. */
  replacements(): Replacement[] {
    const out: Replacement[] = [];
    for (const [token, original] of this.typed) out.push({ token, original });
    for (const [token, original] of this.surrogateTokens) out.push({ token, original });
    return out;
  }

  /**
   * Replaces each finding, reusing the conversation's earlier tokens for the same value, and remembers the new
   * ones. Returns the text to send and its replacements (the mapping of this text, for the leftover check).
   */
  redact(text: string, findings: readonly Finding[], style: PlaceholderStyle, now: number): Redaction {
    this.lastWrite = now;
    if (style === 'surrogate' && this.makeSurrogates) return this.redactSurrogates(text, findings);
    const r = redact(text, findings, this.typed);
    const used = new Map<string, string>();
    for (const [token, original] of r.mapping) {
      this.typed.set(token, original);
      if (r.text.includes(token)) used.set(token, original);
    }
    return { text: r.text, mapping: used };
  }

  private redactSurrogates(text: string, findings: readonly Finding[]): Redaction {
    this.surrogates ??= this.makeSurrogates?.();
    const s = this.surrogates as Surrogates;
    const mapping = new Map<string, string>();
    const out = replaceFindings(text, findings, (f, value) => {
      const token = s.surrogate(f.category, value);
      this.surrogateTokens.set(token, value);
      mapping.set(token, value);
      return token;
    });
    return { text: out, mapping };
  }

  /** The spans of `text` that stand for an original value of this conversation, sorted, never overlapping. */
  find(text: string): Match[] {
    if (this.size === 0) return [];
    const found: Match[] = [];
    if (this.typed.size > 0 && (text.includes('[') || /[A-Z]-\d/.test(text))) {
      TYPED.lastIndex = 0;
      for (let m = TYPED.exec(text); m; m = TYPED.exec(text)) {
        const token = `[${m[1] ?? m[3]}-${m[2] ?? m[4]}]`;
        const original = this.typed.get(token);
        if (original !== undefined) found.push({ start: m.index, end: m.index + m[0].length, original, token });
      }
    }
    if (this.surrogates && this.surrogateTokens.size > 0) {
      for (const m of this.surrogates.find(text)) {
        found.push({ start: m.start, end: m.end, original: m.original, token: m.surrogate });
      }
    }
    if (found.length < 2) return found;
    // Longest first at equal starts; a later span overlapping an earlier one is dropped.
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Match[] = [];
    let end = -1;
    for (const m of found) {
      if (m.start < end) continue;
      out.push(m);
      end = m.end;
    }
    return out;
  }
}

/**
 * The vaults of one tab, one per conversation (keyed by the page's path). Switching conversations in a
 * single-page app keeps each one's vault for as long as the page lives; the first send in a new chat (a path
 * such as "/" or "/new") moves its vault to the path the site then navigates to.
 */
export class Vaults {
  private readonly byKey = new Map<string, Vault>();
  private key: string;
  private path: string;

  constructor(
    url: URL,
    private readonly newChatPaths: readonly string[],
    private readonly makeSurrogates?: () => Surrogates,
    /** How long after a redaction a new chat's navigation to its own path still adopts the vault. */
    private readonly adoptWindowMs = 120_000,
  ) {
    this.path = url.pathname;
    this.key = keyOf(url);
  }

  /** The current conversation's vault (created empty on first use). */
  current(): Vault {
    let v = this.byKey.get(this.key);
    if (!v) {
      v = new Vault(this.makeSurrogates);
      this.byKey.set(this.key, v);
    }
    return v;
  }

  /** The current vault when it holds anything, without creating one. */
  peek(): Vault | undefined {
    const v = this.byKey.get(this.key);
    return v && v.size > 0 ? v : undefined;
  }

  /** The page moved to `url` (SPA navigation). Returns whether the conversation changed. */
  navigate(url: URL, now: number): boolean {
    const key = keyOf(url);
    if (key === this.key) return false;
    const from = this.byKey.get(this.key);
    const wasNew = this.newChatPaths.includes(this.path);
    const isNew = this.newChatPaths.includes(url.pathname);
    if (from && wasNew && !isNew && !this.byKey.get(key)?.size && now - from.lastWrite < this.adoptWindowMs) {
      // The chat the clinician just started got its own address: its placeholders go with it.
      this.byKey.set(key, from);
      this.byKey.delete(this.key);
    } else if (isNew) {
      // A new chat starts empty, even at an address that held an earlier new chat.
      this.byKey.delete(key);
    }
    this.key = key;
    this.path = url.pathname;
    return true;
  }

  /** Forgets every conversation (restoration switched off by policy, or the page is going away). */
  clear(): void {
    this.byKey.clear();
  }
}

function keyOf(url: URL): string {
  return url.origin + url.pathname.replace(/\/+$/, '');
}
