import type { Finding } from '../detectors/types';
import type { DialogItem } from './dialog';

const CONTEXT_CHARS = 32;

/** Dialog rows for findings in `text`: category, reason and the value with a little context each side. */
export function findingItems(text: string, findings: readonly Finding[], prefix = ''): DialogItem[] {
  return [...findings]
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const from = Math.max(0, f.start - CONTEXT_CHARS);
      const to = Math.min(text.length, f.end + CONTEXT_CHARS);
      return {
        label: prefix + f.category.replace(/_/g, ' '),
        reason: f.reason,
        before: (from > 0 ? '…' : '') + text.slice(from, f.start),
        value: text.slice(f.start, f.end),
        after: text.slice(f.end, to) + (to < text.length ? '…' : ''),
      };
    });
}
