/** Event exports: CSV (one column per field, categories as CATEGORY=count) and JSON lines (the event as sent). */
import type { StoredEvent } from './store/events';

export const CSV_COLUMNS = [
  'id',
  'time',
  'received_at',
  'install_id',
  'user_mode',
  'user',
  'site',
  'action',
  'categories',
  'detectors',
  'confidence',
  'justification',
  'dropped',
  'policy_version',
  'extension_version',
  'browser',
] as const;

/**
 * One CSV field (RFC 4180 quoting). A field a spreadsheet would read as a formula (= + - @, tab, CR) gets a
 * leading apostrophe: stored fields are constrained, but the export must be safe whatever the database holds.
 */
export function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(e: StoredEvent): string {
  const user = e.user.mode === 'pseudonymous' ? e.user.id : e.user.mode === 'email' ? e.user.email : '';
  const cats = Object.entries(e.categories)
    .map(([k, n]) => `${k}=${n}`)
    .join(';');
  return [
    e.id,
    e.time,
    e.receivedAt,
    e.installId,
    e.user.mode,
    user,
    e.site,
    e.action,
    cats,
    e.detectors.join(';'),
    e.confidence,
    e.justification,
    e.dropped,
    e.policyVersion,
    e.extensionVersion,
    e.browser,
  ]
    .map(csvField)
    .join(',');
}

export async function* csvLines(rows: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const e of rows) yield `${csvRow(e)}\r\n`;
}

export async function* jsonLines(rows: AsyncIterable<StoredEvent>): AsyncGenerator<string> {
  for await (const { seq: _seq, ...e } of rows) yield `${JSON.stringify(e)}\n`;
}
