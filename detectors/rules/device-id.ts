/**
 * Device identifiers and serial numbers: GS1 UDI device identifiers in human-readable form
 * ("(01)00812345678901(17)250101(10)A123"), IMEI (15 digits, Luhn), and serial / lot / model
 * numbers after their label (S/N, SN, serial no., device ID, lot).
 * Source: FDA UDI rule, 21 CFR 801.20 and 830; GS1 General Specifications (AI 01, 10, 11, 17, 21);
 * 3GPP TS 23.003 (IMEI).
 */

import { addStart, isWord, matchStarts } from '../anchors';
import { detectLabelled, type LabelSpec, labelledRegex } from '../labelled';
import type { Detector } from '../types';
import { before, digitRuns, hasDigitRun, luhnValid } from '../util';

const UDI = /\(01\)\d{14}(?:\((?:10|11|17|21)\)[a-z0-9]{1,20}){0,4}/gi;
const IMEI = /(?<![\w-])\d{15}(?![\w]|[.-]\d)/g;
const SPEC: LabelSpec = {
  category: 'DEVICE',
  labels: [
    'serial',
    's/n',
    'sn',
    'ser\\.?',
    'device(?: serial| id| identifier)?',
    'udi',
    'imei',
    'lot',
    'pacemaker',
    'implant',
    'pump',
    'model',
    'mac address',
  ],
  reason: 'device or serial number (labelled)',
  minDigits: 3,
};
const RE = labelledRegex(SPEC.labels);

export const deviceId: Detector = {
  id: 'device-id',
  category: 'DEVICE',
  description: 'Device identifier: GS1 UDI, IMEI, or serial / lot number after its label',
  source: '21 CFR 801.20; GS1 General Specifications; 3GPP TS 23.003',
  detect(input) {
    // UDI: "(01)" then the digits; IMEI: a whole run of 15 digits, not after \w or -.
    if (!hasDigitRun(input, 2) && !hasDigitRun(input, 15)) return detectLabelled(input, SPEC, RE);
    const t = input.text;
    const runs = digitRuns(input);
    const udi: number[] = [];
    const imei: number[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const q = runs[k];
      const len = runs[k + 1] - q;
      if (len === 2 && t.charCodeAt(q - 1) === 40 && t.charCodeAt(q + 2) === 41 && t.startsWith('01', q)) {
        addStart(udi, q - 1);
      } else if (len === 15) {
        const prev = t.charCodeAt(q - 1);
        if (!isWord(prev) && prev !== 45) addStart(imei, q);
      }
    }
    const out = matchStarts(UDI, udi, t, (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      category: 'DEVICE',
      confidence: 0.95,
      reason: 'UDI device identifier',
      validated: true,
    }));
    matchStarts(
      IMEI,
      imei,
      input.text,
      (m) =>
        luhnValid(m[0]) && /imei/.test(before(input, m.index, 20))
          ? { start: m.index, end: m.index + 15, category: 'DEVICE', confidence: 0.95, reason: 'IMEI', validated: true }
          : null,
      out,
    );
    for (const c of detectLabelled(input, SPEC, RE)) out.push(c);
    return out;
  },
};
