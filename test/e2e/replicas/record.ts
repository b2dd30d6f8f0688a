/**
 * What a replica page records: the prompts its own editor state sent, files its own handlers received, and
 * long pastes it turned into attachments. Tests read these through page.evaluate (the replica is the page).
 */
export interface Sent {
  text: string;
  /** performance.now() when the site's send handler ran. */
  at: number;
}

export interface ReplicaWindow {
  __sent: Sent[];
  __files: string[];
  __attachments: string[];
  /** Empties the composer and the records. */
  __reset(): void;
  /** Sets the site's composer text through its editor API (test setup only, not a user path). */
  __ready: boolean;
}

const w = window as unknown as ReplicaWindow;

export function initRecords(clearComposer: () => void): void {
  w.__sent = [];
  w.__files = [];
  w.__attachments = [];
  w.__reset = () => {
    clearComposer();
    w.__sent = [];
    w.__files = [];
    w.__attachments = [];
  };
}

const sentListeners: Array<(text: string) => void> = [];

/** The replica's conversation answers every prompt the site sends. */
export function onSent(listener: (text: string) => void): void {
  sentListeners.push(listener);
}

export function recordSent(text: string): void {
  const trimmed = text.replace(/\s+$/, '');
  if (!trimmed.trim()) return;
  w.__sent.push({ text: trimmed, at: performance.now() });
  for (const l of sentListeners) l(trimmed);
}

export function recordFiles(files: FileList | readonly File[] | null | undefined): void {
  for (const f of files ?? []) w.__files.push(f.name);
}

export function recordAttachment(text: string): void {
  w.__attachments.push(text);
}

export function markReady(): void {
  w.__ready = true;
}

/** Drop and paste-with-files handling as chat sites do it: the files become attachments. */
export function acceptFiles(zone: HTMLElement): void {
  zone.addEventListener('dragover', (e) => e.preventDefault());
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    recordFiles(e.dataTransfer?.files);
  });
  zone.addEventListener('paste', (e) => {
    if (e.clipboardData?.files.length) {
      e.preventDefault();
      recordFiles(e.clipboardData.files);
    }
  });
}

/** A site that turns long pastes into attachments (Claude, HuggingChat). */
export function longPasteToAttachment(zone: HTMLElement, chars: number): void {
  zone.addEventListener(
    'paste',
    (e) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.length >= chars) {
        e.preventDefault();
        e.stopPropagation();
        recordAttachment(text);
      }
    },
    true,
  );
}
