import type { Action } from '../policies/decide';
import type { DialogItem } from './dialog';
import { hasDicomPreamble, readDicom } from './dicom';
import { findingItems } from './items';
import { DEFAULT_GUARD_POLICY, type GuardPolicy, type UnreadableKind } from './policy';
import type { Verdict } from './verdict';

/**
 * Files on their way to a chatbot (file input, drop, paste): text-like files are read and checked like a
 * prompt (HL7 v2 and FHIR patient fields are also picked out by structure), DICOM headers are parsed for
 * patient tags, and what cannot be read yet (PDF, DOCX, images) follows the policy with a clear message.
 */
export type FileKind = 'text' | 'hl7' | 'dicom' | UnreadableKind;

export interface FileVerdict {
  action: Action;
  items: DialogItem[];
  /** Plain sentences for the dialog (unreadable files, failures); no values. */
  notes: string[];
  failed?: boolean;
}

const TEXT_EXT = /\.(txt|text|csv|tsv|json|ndjson|xml|md|markdown|html?|rtf|hl7|er7|log|fhir)$/i;
const TEXT_MIME = /^(text\/|application\/(json|xml|fhir\+json|fhir\+xml|rtf|x-hl7|hl7-v2))/i;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp|tiff?|heic|svg)$/i;
/** How much of a DICOM file is read: the patient group sits in the first few kilobytes. */
const DICOM_HEAD_BYTES = 2 * 1024 * 1024;
/** DICOM patient tags hold the upload with this action (the image header names the patient outright). */
export const DICOM_ACTION: Action = 'block';

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);

/** What kind of file this is, from its name, MIME type and first bytes. */
export function classify(name: string, type: string, head: Uint8Array): FileKind {
  if (hasDicomPreamble(head) || /\.dcm$/i.test(name) || type === 'application/dicom') return 'dicom';
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46) || /\.pdf$/i.test(name)) return 'pdf';
  if (/\.(docx?|odt)$/i.test(name) || type.includes('wordprocessingml')) return 'docx';
  if (
    type.startsWith('image/') ||
    IMAGE_EXT.test(name) ||
    startsWith(head, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(head, 0xff, 0xd8, 0xff)
  ) {
    return 'image';
  }
  if (startsWith(head, 0x4d, 0x53, 0x48) && head[3] !== undefined && head[3] < 0x80) return 'hl7';
  if (/\.(hl7|er7)$/i.test(name)) return 'hl7';
  if (TEXT_EXT.test(name) || TEXT_MIME.test(type)) return 'text';
  // No telling name or type: plain text if the first bytes have no NULs or control bytes.
  if (head.length && head.every((c) => c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d)) return 'text';
  return 'other';
}

/** Text as a detector should see it: markup and RTF control words removed, HL7 separators spaced. */
export function readableText(name: string, kind: FileKind, raw: string): string {
  if (kind === 'hl7') return raw.replace(/\r\n?/g, '\n').replace(/[|^~&]/g, ' ');
  if (/\.rtf$/i.test(name) || raw.startsWith('{\\rtf')) {
    return raw
      .replace(/\\par[d]?\b/g, '\n')
      .replace(/\\[a-z]+-?\d* ?/gi, '')
      .replace(/[{}]/g, '');
  }
  if (/\.(html?|xml)$/i.test(name)) return raw.replace(/<[^>]{0,2000}>/g, ' ');
  return raw;
}

/** Patient fields of HL7 v2 PID segments (PID-3 ids, 5 name, 7 birth date, 11 address, 13 phone, 19 SSN). */
export function hl7PatientItems(raw: string): DialogItem[] {
  const fields: [number, string][] = [
    [3, 'Patient ID (PID-3)'],
    [5, 'Patient name (PID-5)'],
    [7, 'Birth date (PID-7)'],
    [11, 'Address (PID-11)'],
    [13, 'Phone (PID-13)'],
    [19, 'SSN (PID-19)'],
  ];
  const items: DialogItem[] = [];
  for (const segment of raw.split(/\r\n|\r|\n/)) {
    if (!segment.startsWith('PID|')) continue;
    const f = segment.split('|');
    for (const [i, label] of fields) {
      const value = (f[i] ?? '').replace(/[\^~&]+/g, ' ').trim();
      if (value) items.push({ label, reason: 'HL7 v2 patient field', before: '', value, after: '' });
    }
  }
  return items;
}

/** Patient fields of FHIR JSON Patient resources (alone or in a Bundle). */
export function fhirPatientItems(raw: string): DialogItem[] {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const items: DialogItem[] = [];
  const add = (label: string, value: unknown) => {
    const v = typeof value === 'string' ? value : JSON.stringify(value);
    if (v && v !== '""')
      items.push({ label, reason: 'FHIR Patient field', before: '', value: v.slice(0, 120), after: '' });
  };
  const visit = (node: unknown, depth: number) => {
    if (depth > 12 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (o.resourceType === 'Patient') {
      for (const n of (o.name as Record<string, unknown>[] | undefined) ?? []) {
        add('Patient name', n.text ?? [...((n.given as string[]) ?? []), n.family].filter(Boolean).join(' '));
      }
      if (o.birthDate) add('Birth date', o.birthDate);
      for (const id of (o.identifier as Record<string, unknown>[] | undefined) ?? []) add('Identifier', id.value);
      for (const t of (o.telecom as Record<string, unknown>[] | undefined) ?? []) add('Contact', t.value);
      for (const a of (o.address as Record<string, unknown>[] | undefined) ?? []) {
        add('Address', a.text ?? [...((a.line as string[]) ?? []), a.city, a.postalCode].filter(Boolean).join(', '));
      }
    }
    for (const v of Object.values(o)) visit(v, depth + 1);
  };
  visit(json, 0);
  return items;
}

const UNREADABLE_NOTE: Record<UnreadableKind, string> = {
  pdf: 'PDF files cannot be checked yet',
  docx: 'Word documents cannot be checked yet',
  image: 'Images cannot be checked yet (they may show patient details)',
  other: 'This kind of file cannot be checked',
};

const RANK: Record<Action, number> = { allow: 0, warn: 1, block: 2 };
const worst = (a: Action, b: Action): Action => (RANK[b] > RANK[a] ? b : a);

export interface FileScanDeps {
  /** A fresh check with the guard's time budget (fails closed). */
  check(text: string): Verdict;
  policy?: GuardPolicy;
}

/** Checks each file; the verdict is the strictest of them. */
export async function scanFiles(files: readonly File[], deps: FileScanDeps): Promise<FileVerdict> {
  const policy = deps.policy ?? DEFAULT_GUARD_POLICY;
  let action: Action = 'allow';
  const items: DialogItem[] = [];
  const notes: string[] = [];
  let failed = false;
  for (const file of files) {
    const head = new Uint8Array(await file.slice(0, 132).arrayBuffer());
    let kind = classify(file.name, file.type, head);
    if ((kind === 'text' || kind === 'hl7') && file.size > policy.maxTextFileBytes) kind = 'other';
    const prefix = files.length > 1 ? `${file.name}: ` : '';
    if (kind === 'dicom') {
      const result = readDicom(new Uint8Array(await file.slice(0, DICOM_HEAD_BYTES).arrayBuffer()));
      for (const t of result.tags) {
        items.push({
          label: `${prefix}${t.label} ${t.tag}`,
          reason: 'DICOM patient tag',
          before: '',
          value: t.value,
          after: '',
        });
      }
      if (result.tags.length) action = worst(action, DICOM_ACTION);
      if (result.error) {
        notes.push(`${file.name}: the DICOM header could not be read (${result.error}).`);
        action = worst(action, policy.onFailure === 'hold' ? 'warn' : 'allow');
      }
      continue;
    }
    if (kind === 'text' || kind === 'hl7') {
      const raw = await file.text();
      const structured =
        kind === 'hl7'
          ? hl7PatientItems(raw)
          : /\.json$|fhir/i.test(file.name + file.type) || raw.trimStart().startsWith('{')
            ? fhirPatientItems(raw)
            : [];
      for (const it of structured) items.push({ ...it, label: prefix + it.label });
      if (structured.length) action = worst(action, 'block');
      const text = readableText(file.name, kind, raw);
      const verdict = deps.check(text);
      if (verdict.failure) {
        failed ||= verdict.failure === 'error';
        notes.push(
          `${file.name}: ${verdict.failure === 'error' ? 'checking failed' : 'checking took too long'}, so it was held.`,
        );
      }
      if (verdict.action !== 'allow') items.push(...findingItems(text, verdict.findings, prefix));
      action = worst(action, verdict.action);
      continue;
    }
    const rule = policy.unreadableFiles[kind];
    if (rule !== 'allow')
      notes.push(`${file.name}: ${UNREADABLE_NOTE[kind]}; make sure it holds no patient information.`);
    action = worst(action, rule);
  }
  return { action, items, notes, failed: failed || undefined };
}
