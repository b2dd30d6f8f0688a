import type { Category } from '../detectors/types';

/**
 * A minimal DICOM (PS3.5 / PS3.10) header reader: just enough to find the patient tags in a file before it is
 * uploaded. Reads the Part 10 preamble and file meta group, then the data set in implicit or explicit VR
 * little endian (and the retired explicit big endian), stepping over sequences of defined or undefined length,
 * and stops once past group 0010: pixel data is never touched. Deflated data sets are reported as unreadable.
 * Spec: https://dicom.nema.org/medical/dicom/current/output/html/part05.html (7.1, 7.5) and part10.html (7.1).
 */

export interface DicomTag {
  /** "(0010,0010)" */
  tag: string;
  label: string;
  category: Category;
  value: string;
}

export interface DicomResult {
  tags: DicomTag[];
  /** Set when the header could not be read to the end of the patient group (the caller should hold). */
  error?: string;
}

/** The tags that identify a patient (DICOM PS3.15 Annex E basic profile lists them for removal). */
const PATIENT_TAGS: Record<number, { label: string; category: Category }> = {
  524368: { label: 'Accession number', category: 'ACCOUNT' },
  524416: { label: 'Institution name', category: 'LOCATION' },
  524417: { label: 'Institution address', category: 'LOCATION' },
  1048592: { label: 'Patient name', category: 'NAME' },
  1048608: { label: 'Patient ID', category: 'MRN' },
  1048624: { label: 'Patient birth date', category: 'DATE' },
  1052672: { label: 'Other patient IDs', category: 'MRN' },
  1052673: { label: 'Other patient names', category: 'NAME' },
  1052736: { label: 'Patient address', category: 'LOCATION' },
  1057108: { label: 'Patient telephone numbers', category: 'PHONE' },
};

const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_BE = '1.2.840.10008.1.2.2';
const DEFLATED = '1.2.840.10008.1.2.1.99';
/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR encoding. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQ_END = 0xfffee0dd;
/** Nesting deeper than this is not a real header; stop rather than recurse without bound. */
const MAX_DEPTH = 16;

/** Whether `bytes` is a DICOM Part 10 file (128-byte preamble, then "DICM"). */
export function hasDicomPreamble(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d
  );
}

class Truncated extends Error {}

class Reader {
  pos: number;
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    start: number,
    public little: boolean,
    public explicit: boolean,
  ) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number) {
    if (this.pos + n > this.bytes.length) throw new Truncated();
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, this.little);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  ascii(n: number): string {
    this.need(n);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(this.bytes[this.pos + i]);
    this.pos += n;
    return s;
  }
  text(n: number): string {
    this.need(n);
    const s = new TextDecoder('latin1').decode(this.bytes.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s.replace(/[\0\s]+$/g, '').replace(/^\s+/, '');
  }
  /** Reads one element header: tag, VR (explicit only, '' otherwise) and value length. */
  header(): { tag: number; vr: string; length: number } {
    const group = this.u16();
    const element = this.u16();
    const tag = ((group << 16) | element) >>> 0;
    // Item and delimiter tags never carry a VR, whatever the transfer syntax.
    if (group === 0xfffe || !this.explicit) return { tag, vr: '', length: this.u32() };
    const vr = this.ascii(2);
    if (LONG_VRS.has(vr)) {
      this.u16();
      return { tag, vr, length: this.u32() };
    }
    return { tag, vr, length: this.u16() };
  }
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const tagName = (tag: number) => `(${hex4(tag >>> 16)},${hex4(tag & 0xffff)})`;

/**
 * Walks a data set from `r.pos`, collecting patient tags, until `end` (a byte offset), an item delimiter
 * (undefined-length items) or, at the top level, the first group after 0010.
 */
function walk(r: Reader, end: number, depth: number, out: DicomTag[], top: boolean): void {
  if (depth > MAX_DEPTH) throw new Error('sequences nested too deeply');
  while (r.pos < end) {
    const start = r.pos;
    const { tag, vr, length } = r.header();
    if (tag === ITEM_END || tag === SEQ_END) return;
    if (top && tag >>> 16 > 0x0010) {
      r.pos = start;
      return;
    }
    const known = PATIENT_TAGS[tag];
    if (length === UNDEFINED) {
      // A sequence (or an encapsulated value) of undefined length: walk its items to find where it ends.
      walkSequence(r, depth + 1, out);
      continue;
    }
    if (vr === 'SQ') {
      const stop = r.pos + length;
      walkSequence(r, depth + 1, out, stop);
      r.pos = stop;
      continue;
    }
    if (known) {
      const value = r.text(length);
      if (value)
        out.push({
          tag: tagName(tag),
          label: known.label,
          category: known.category,
          value: value.replace(/\^+/g, ' ').trim(),
        });
      continue;
    }
    r.need(length);
    r.pos += length;
  }
}

function walkSequence(r: Reader, depth: number, out: DicomTag[], stop = Number.POSITIVE_INFINITY): void {
  while (r.pos < stop) {
    const { tag, length } = r.header();
    if (tag === SEQ_END) return;
    if (tag !== ITEM) throw new Error(`expected an item, found ${tagName(tag)}`);
    if (length === UNDEFINED) walk(r, Number.POSITIVE_INFINITY, depth, out, false);
    else {
      const itemEnd = r.pos + length;
      walk(r, itemEnd, depth, out, false);
      r.pos = itemEnd;
    }
  }
}

/** Reads the patient tags of a DICOM file (with or without the Part 10 preamble). Never throws. */
export function readDicom(bytes: Uint8Array): DicomResult {
  const tags: DicomTag[] = [];
  let start = hasDicomPreamble(bytes) ? 132 : 0;
  let syntax = IMPLICIT_LE;
  try {
    // File meta information: always explicit VR little endian, group 0002.
    const meta = new Reader(bytes, start, true, true);
    while (meta.pos + 4 <= bytes.length && meta.view.getUint16(meta.pos, true) === 0x0002) {
      const { tag, length } = meta.header();
      if (tag === 0x00020010) syntax = meta.text(length);
      else {
        meta.need(length);
        meta.pos += length;
      }
    }
    start = meta.pos;
    if (syntax === DEFLATED) return { tags, error: 'deflated DICOM data sets are not read' };
    const explicit = syntax !== IMPLICIT_LE;
    const r = new Reader(bytes, start, syntax !== EXPLICIT_BE, explicit);
    walk(r, bytes.length, 0, tags, true);
    return { tags };
  } catch (err) {
    return { tags, error: err instanceof Truncated ? 'the header ends early' : 'the header is malformed' };
  }
}
