/**
 * Builds small synthetic DICOM files for tests (dicom.test.ts, files.test.ts and the e2e upload tests):
 * a Part 10 preamble and file meta group, then a data set in the chosen transfer syntax.
 */
export interface Element {
  group: number;
  element: number;
  vr: string;
  /** A string value, raw bytes, or items of a sequence (each a list of elements). */
  value: string | Uint8Array | Element[][];
  /** Encode a sequence and its items with undefined length (delimiters) instead of byte counts. */
  undefinedLength?: boolean;
}

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

class Out {
  parts: number[] = [];
  constructor(readonly little = true) {}
  u16(v: number) {
    if (this.little) this.parts.push(v & 0xff, v >>> 8);
    else this.parts.push(v >>> 8, v & 0xff);
  }
  u32(v: number) {
    const b = [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
    this.parts.push(...(this.little ? b : b.reverse()));
  }
  bytes(b: ArrayLike<number>) {
    for (let i = 0; i < b.length; i++) this.parts.push(b[i]);
  }
}

function valueBytes(v: string | Uint8Array): Uint8Array {
  const b = typeof v === 'string' ? new TextEncoder().encode(v) : v;
  if (b.length % 2 === 0) return b;
  const padded = new Uint8Array(b.length + 1);
  padded.set(b);
  padded[b.length] = typeof v === 'string' ? 0x20 : 0;
  return padded;
}

function encode(elements: Element[], little: boolean, explicit: boolean): number[] {
  const out = new Out(little);
  for (const el of elements) {
    out.u16(el.group);
    out.u16(el.element);
    let body: number[];
    if (Array.isArray(el.value)) {
      const items = new Out(little);
      for (const item of el.value) {
        const inner = encode(item, little, explicit);
        items.u16(0xfffe);
        items.u16(0xe000);
        items.u32(el.undefinedLength ? 0xffffffff : inner.length);
        items.bytes(inner);
        if (el.undefinedLength) {
          items.u16(0xfffe);
          items.u16(0xe00d);
          items.u32(0);
        }
      }
      if (el.undefinedLength) {
        items.u16(0xfffe);
        items.u16(0xe0dd);
        items.u32(0);
      }
      body = items.parts;
    } else {
      body = [...valueBytes(el.value)];
    }
    const length = Array.isArray(el.value) && el.undefinedLength ? 0xffffffff : body.length;
    if (explicit) {
      out.bytes([el.vr.charCodeAt(0), el.vr.charCodeAt(1)]);
      if (LONG_VRS.has(el.vr)) {
        out.u16(0);
        out.u32(length);
      } else out.u16(length);
    } else out.u32(length);
    out.bytes(body);
  }
  return out.parts;
}

export const TRANSFER_SYNTAX = {
  implicitLittle: '1.2.840.10008.1.2',
  explicitLittle: '1.2.840.10008.1.2.1',
  explicitBig: '1.2.840.10008.1.2.2',
} as const;

/** A Part 10 file: 128 zero bytes, "DICM", the meta group (explicit little endian), then `dataset`. */
export function buildDicom(
  dataset: Element[],
  syntax: string = TRANSFER_SYNTAX.explicitLittle,
  preamble = true,
): Uint8Array<ArrayBuffer> {
  const meta = encode(
    [
      { group: 0x0002, element: 0x0001, vr: 'OB', value: new Uint8Array([0, 1]) },
      { group: 0x0002, element: 0x0002, vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.7' },
      { group: 0x0002, element: 0x0010, vr: 'UI', value: syntax },
    ],
    true,
    true,
  );
  const data = encode(dataset, syntax !== TRANSFER_SYNTAX.explicitBig, syntax !== TRANSFER_SYNTAX.implicitLittle);
  const head = preamble ? [...new Uint8Array(128), 0x44, 0x49, 0x43, 0x4d] : [];
  return new Uint8Array([...head, ...meta, ...data]);
}

/** A typical header: study data, a nested sequence before the patient group, the patient tags, pixel data. */
export function syntheticPatientDataset(): Element[] {
  return [
    { group: 0x0008, element: 0x0020, vr: 'DA', value: '20240105' },
    { group: 0x0008, element: 0x0050, vr: 'SH', value: 'ACC99001' },
    { group: 0x0008, element: 0x0080, vr: 'LO', value: 'Synthetic General Hospital' },
    {
      group: 0x0008,
      element: 0x1110,
      vr: 'SQ',
      undefinedLength: true,
      value: [[{ group: 0x0008, element: 0x1150, vr: 'UI', value: '1.2.3.4' }]],
    },
    {
      group: 0x0008,
      element: 0x1032,
      vr: 'SQ',
      value: [[{ group: 0x0008, element: 0x0100, vr: 'SH', value: 'CT123' }]],
    },
    { group: 0x0010, element: 0x0010, vr: 'PN', value: 'TESTPATIENT^ALICE' },
    { group: 0x0010, element: 0x0020, vr: 'LO', value: 'MRN900123' },
    { group: 0x0010, element: 0x0030, vr: 'DA', value: '19610304' },
    { group: 0x0010, element: 0x0040, vr: 'CS', value: 'F' },
    { group: 0x0020, element: 0x000d, vr: 'UI', value: '1.2.3.4.5' },
    { group: 0x7fe0, element: 0x0010, vr: 'OW', value: new Uint8Array(64) },
  ];
}
