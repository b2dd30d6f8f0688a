import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Category } from '../detectors/types';
import { luhnValid } from '../detectors/util';
import { createSurrogates, type Surrogates } from './surrogates';

// All values below are synthetic; phones, SSNs, e-mails and IPs come from unreal or documentation ranges.

/** mulberry32: a small seeded PRNG returning [0,1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A random source whose first two draws give shiftDays = +100, then seeded values. */
function plus100(seed = 7): () => number {
  const rest = seeded(seed);
  const first = [(100 - 30 + 0.5) / 335, 0.9];
  return () => first.shift() ?? rest();
}

/** Letters -> A/a, digits -> 9, everything else kept. */
function shape(s: string): string {
  return s.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/\d/g, '9');
}

const SAMPLES: [Category, string][] = [
  ['NAME', 'Jane Roe'],
  ['NAME', 'Dr. Jon Q. Doe'],
  ['LOCATION', '221 Quill Street'],
  ['LOCATION', 'Springfield, IL'],
  ['DATE', '03/14/1962'],
  ['DATE', 'May 30th'],
  ['AGE', '93'],
  ['PHONE', '(555) 010-4477'],
  ['FAX', '555-010-4478'],
  ['EMAIL', 'jroe@example.net'],
  ['SSN', '000-12-3456'],
  ['MRN', 'MRN-00991122'],
  ['HEALTH_PLAN', 'XQZ123456789'],
  ['ACCOUNT', '000123456789'],
  ['LICENSE', 'D000-1234-5678'],
  ['VEHICLE', '1ZZZZ00000Z000000'],
  ['DEVICE', 'SN-ZZ-000123'],
  ['URL', 'https://portal.example.net/pt/000123'],
  ['IP_ADDRESS', '10.0.0.7'],
  ['OTHER_ID', 'ZZ-000-777'],
  ['PAYMENT_CARD', '4000 0000 0000 0002'],
];

describe('createSurrogates: stability', () => {
  // If this fails, tests and bug reports cannot reproduce a redaction from a seed.
  it('is deterministic for a seeded random source', () => {
    const a = createSurrogates(seeded(11));
    const b = createSurrogates(seeded(11));
    expect(a.shiftDays).toBe(b.shiftDays);
    for (const [c, v] of SAMPLES) expect(a.surrogate(c, v)).toBe(b.surrogate(c, v));
  });

  // If this fails, one patient shows up as two people (or two dates) to the model, and restore breaks.
  it('gives the same value the same stand-in, whatever its case or spacing', () => {
    const s = createSurrogates(seeded(3));
    const first = s.surrogate('NAME', 'Jane Roe');
    expect(s.surrogate('NAME', 'jane  roe')).toBe(first);
    expect(s.surrogate('NAME', ' JANE ROE ')).toBe(first);
    expect(s.surrogate('MRN', 'MRN-00991122')).toBe(s.surrogate('MRN', 'mrn-00991122'));
    // Name parts are shared: "Ms. Roe" and "Jane" are the same person as "Jane Roe".
    const [given, family] = first.split(' ');
    expect(s.surrogate('NAME', 'Ms. Roe')).toBe(`Ms. ${family}`);
    expect(s.surrogate('NAME', 'Jane')).toBe(given);
    expect(s.surrogate('NAME', 'Roe, Jane')).toBe(`${family}, ${given}`);
  });

  // If this fails, a shift of 0 leaks real dates, or the shift changes within a conversation.
  it('shifts by a constant non-zero 30..364 days', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = createSurrogates(seeded(seed));
        const abs = Math.abs(s.shiftDays);
        expect(Number.isInteger(s.shiftDays)).toBe(true);
        expect(abs >= 30 && abs <= 364).toBe(true);
        s.surrogate('DATE', '01/02/1960');
        expect(Math.abs(s.shiftDays)).toBe(abs);
      }),
      { numRuns: 200 },
    );
  });

  // If this fails, a stand-in could be the real value itself.
  it('never returns the original value', () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = createSurrogates(seeded(seed));
      for (const [c, v] of SAMPLES) expect(s.surrogate(c, v).toLowerCase()).not.toBe(v.toLowerCase());
    }
  });

  // If this fails, two different originals could come back as the same one, or not at all.
  it('gives different values different stand-ins', () => {
    const s = createSurrogates(seeded(5));
    const out = new Set<string>();
    for (let i = 0; i < 60; i++) out.add(s.surrogate('MRN', `MRN-${String(i).padStart(8, '0')}`));
    for (let i = 0; i < 80; i++) out.add(s.surrogate('IP_ADDRESS', `10.0.0.${i}`));
    for (let i = 0; i < 30; i++) out.add(s.surrogate('PHONE', `(555) 010-${String(1000 + i)}`));
    expect(out.size).toBe(170);
    const names = new Set<string>();
    for (let i = 0; i < 90; i++) names.add(s.surrogate('NAME', `Test${String.fromCharCode(97 + (i % 26))} Person${i}`));
    expect(names.size).toBe(90);
  });

  // If this fails, a broken random source hangs the page or returns real values.
  it('stays finite and different with a degenerate random source', () => {
    for (const r of [0, 0.999999]) {
      const s = createSurrogates(() => r);
      for (const [c, v] of SAMPLES) expect(s.surrogate(c, v).toLowerCase()).not.toBe(v.toLowerCase());
      for (const v of ['AAA', 'Ann A. Abe', 'Dr. A.', '000', '999 Zed Street']) {
        expect(s.surrogate('MRN', v)).not.toBe(v);
        expect(s.surrogate('NAME', v)).not.toBe(v);
        expect(s.surrogate('LOCATION', v)).not.toBe(v);
      }
      for (let i = 0; i < 150; i++) s.surrogate('NAME', `Quill${i} Zed${i}`);
    }
  });

  it('uses crypto randomness by default', () => {
    const a = createSurrogates();
    const b = createSurrogates();
    expect(a.shiftDays).not.toBe(0);
    const va = Array.from({ length: 5 }, (_, i) => a.surrogate('MRN', `00000${i}00000`));
    const vb = Array.from({ length: 5 }, (_, i) => b.surrogate('MRN', `00000${i}00000`));
    expect(va).not.toEqual(vb);
  });
});

describe('dates', () => {
  // If this fails, a shifted date is printed in another format than the clinician wrote, or on the wrong day.
  it.each([
    ['03/14/1962', '06/22/1962'],
    ['3/4/26', '6/12/26'],
    ['2026-02-03', '2026-05-14'],
    ['2026-02-03T10:15', '2026-05-14T10:15'],
    ['Feb 21, 2023', 'Jun 1, 2023'],
    ['FEB 21, 2023', 'JUN 1, 2023'],
    ['February 21st', 'May 31st'],
    ['May 30th', 'September 7th'],
    ['21 Feb 2023', '1 Jun 2023'],
    ['21-Feb-2023', '1-Jun-2023'],
    ['3rd of May 2021', '11th of August 2021'],
    ['Sept. 3rd 2021', 'Dec. 12th 2021'],
    ['14.03.1962', '22.06.1962'],
    ['DOB 1/2/1960', 'DOB 4/11/1960'],
    ['2024-02-28', '2024-06-07'],
    ['2023-02-28', '2023-06-08'],
    ['12/25/2023', '04/03/2024'],
    ['25/12/2023', '03/04/2024'],
    ['March 2021', 'June 2021'],
    ['3/4', '6/12'],
  ])('%s -> %s with a +100 day shift', (input, expected) => {
    const s = createSurrogates(plus100());
    expect(s.shiftDays).toBe(100);
    expect(s.surrogate('DATE', input)).toBe(expected);
  });

  // If this fails, the model computes wrong intervals (length of stay, age at diagnosis) from shifted dates.
  it('preserves the interval between any two dates exactly', () => {
    const day = fc.integer({ min: -25_000, max: 45_000 }); // 1901..2093
    fc.assert(
      fc.property(fc.integer(), day, day, (seed, d1, d2) => {
        const s = createSurrogates(seeded(seed));
        const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
        const back = (v: string) => Math.round(Date.parse(`${v}T00:00:00Z`) / 86_400_000);
        const a = back(s.surrogate('DATE', iso(d1)));
        const b = back(s.surrogate('DATE', iso(d2)));
        expect(b - a).toBe(d2 - d1);
        expect(a - d1).toBe(s.shiftDays);
      }),
      { numRuns: 300 },
    );
  });

  // If this fails, a US date in another layout is shifted by a different amount.
  it('shifts every format by the same number of days', () => {
    const s = createSurrogates(seeded(21));
    const iso = s.surrogate('DATE', '1962-03-14');
    const us = s.surrogate('DATE', '03/14/1962');
    const [y, m, d] = iso.split('-');
    expect(us).toBe(`${m}/${d}/${y}`);
  });

  // If this fails, text that is not a real date becomes an unreadable or identical stand-in.
  it('falls back to a same-shape random value when the date cannot be read', () => {
    const s = createSurrogates(seeded(2));
    for (const v of ['last Friday', '2/30/2020', '13/13/2013']) {
      const out = s.surrogate('DATE', v);
      expect(shape(out).replace(/A/g, 'a')).toBe(shape(v).replace(/A/g, 'a'));
      expect(out).not.toBe(v);
    }
  });
});

describe('reserved ranges and shapes', () => {
  // If this fails, a stand-in could ring, bill or identify a real person.
  it('puts phones in 555-01xx with the input layout', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      for (const v of ['(555) 010-4477', '555.010.4477', '+1 555-010-4477', '5550104477', '555-0144']) {
        const out = s.surrogate('PHONE', v);
        expect(shape(out)).toBe(shape(v));
        expect(out.replace(/\D/g, '')).toMatch(/55501\d\d$/);
      }
      expect(s.surrogate('FAX', '555-010-4478').replace(/\D/g, '')).toMatch(/^\d{3}55501\d\d$/);
    }
  });

  it('gives SSNs area 9xx, a non-ITIN group and the input layout', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      for (const v of ['000-12-3456', '000 12 3456', '000123456']) {
        const out = s.surrogate('SSN', v);
        expect(shape(out)).toBe(shape(v));
        const digits = out.replace(/\D/g, '');
        expect(digits[0]).toBe('9');
        const group = Number(digits.slice(3, 5));
        expect(group >= 1 && group <= 49).toBe(true);
        expect(digits.slice(5)).not.toBe('0000');
      }
    }
  });

  it('puts e-mail, URLs and IPs in documentation domains and ranges', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      expect(s.surrogate('EMAIL', 'jroe@example.net')).toMatch(/^[a-z]+@example\.com$/);
      expect(s.surrogate('EMAIL', 'jane.roe42@clinic.example.org')).toMatch(/^[a-z]+\.[a-z]+\d\d@example\.org$/);
      expect(s.surrogate('IP_ADDRESS', '10.0.0.7')).toMatch(
        /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\.(?:25[0-4]|2[0-4]\d|1\d\d|[1-9]\d|[1-9])$/,
      );
      expect(s.surrogate('IP_ADDRESS', 'fd00::1:2')).toMatch(/^2001:db8::[0-9a-f]{1,4}:[0-9a-f]{1,4}$/);
      const url = s.surrogate('URL', 'https://portal.example.net/pt/000123');
      expect(url).toMatch(/^https:\/\/example\.com\/[a-z]{2}\/\d{6}$/);
      expect(s.surrogate('URL', 'www.example.net')).toBe('www.example.com');
    }
  });

  it('gives cards a test prefix, the same layout, and Luhn validity only when the input had it', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      const valid = s.surrogate('PAYMENT_CARD', '4000 0000 0000 0002');
      expect(shape(valid)).toBe('9999 9999 9999 9999');
      expect(valid.startsWith('4000 00')).toBe(true);
      expect(luhnValid(valid.replace(/\D/g, ''))).toBe(true);
      const invalid = s.surrogate('PAYMENT_CARD', '4000-0000-0000-0003');
      expect(shape(invalid)).toBe('9999-9999-9999-9999');
      expect(luhnValid(invalid.replace(/\D/g, ''))).toBe(false);
      const amex = s.surrogate('PAYMENT_CARD', '3000 000000 00004');
      expect(amex.startsWith('3782 82')).toBe(true);
    }
  });

  // If this fails, the model can no longer tell what kind of identifier it is reading.
  it('keeps the shape of identifiers: letters stay letters (same case), digits digits, separators kept', () => {
    const cats: Category[] = ['MRN', 'HEALTH_PLAN', 'ACCOUNT', 'LICENSE', 'VEHICLE', 'DEVICE', 'OTHER_ID'];
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...cats),
        fc.stringMatching(/^[A-Za-z0-9]{3,8}(?:[-. /][A-Za-z0-9]{1,8}){0,3}$/),
        (seed, category, value) => {
          const out = createSurrogates(seeded(seed)).surrogate(category, value);
          expect(shape(out)).toBe(shape(value));
          expect(out).not.toBe(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Ages 90+ stay a different 9x value (100+ stays 100..109), so "very old" survives and restore is exact.
  it('keeps ages over 89 in the same bracket, as a different value', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      const a = Number(s.surrogate('AGE', '93'));
      expect(a >= 90 && a <= 99 && a !== 93).toBe(true);
      expect(s.surrogate('AGE', '93-year-old')).toBe(`${a}-year-old`);
      const b = s.surrogate('AGE', '96 yo');
      expect(b).toMatch(/^9\d yo$/);
      expect(Number.parseInt(b, 10)).not.toBe(a);
      const c = Number(s.surrogate('AGE', '102'));
      expect(c >= 100 && c <= 109 && c !== 102).toBe(true);
      expect(s.surrogate('AGE', 'ninety-two')).toMatch(/^ninety(?:-(?:one|three|four|five|six|seven|eight|nine))?$/);
    }
  });
});

describe('names and places', () => {
  // If this fails, the model sees a different kind of name (title lost, order swapped, initial expanded).
  it('keeps titles, initials, order, case and length of a name', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      expect(s.surrogate('NAME', 'Dr. Jon Q.')).toMatch(/^Dr\. [A-Z][a-z]+ [A-Z]\.$/);
      expect(s.surrogate('NAME', 'Dr. Jon Q.')).not.toMatch(/ Q\.$/);
      expect(s.surrogate('NAME', 'Doe, Jon')).toMatch(/^[A-Z][a-z]+, [A-Z][a-z]+$/);
      expect(s.surrogate('NAME', 'Jonny')).toMatch(/^[A-Z][a-z]+$/);
      expect(s.surrogate('NAME', 'Mr. Doe')).toMatch(/^Mr\. [A-Z][a-z]+$/);
      expect(s.surrogate('NAME', 'JANE ROE')).toMatch(/^[A-Z]+ [A-Z]+$/);
      expect(s.surrogate('NAME', 'Ann Roe-Doe Jr.')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+-[A-Z][a-z]+ Jr\.$/);
    }
  });

  it('keeps initials, surnames after particles and the gender a title implies', () => {
    const women = new Set<string>();
    const men = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const s = createSurrogates(seeded(seed));
      const a = s.surrogate('NAME', 'Jon Q. Doe');
      const b = s.surrogate('NAME', 'Dr. Jon Q.');
      expect(b).toBe(`Dr. ${a.split(' ').slice(0, 2).join(' ')}`);
      expect(s.surrogate('NAME', 'Doe')).toBe(a.split(' ')[2]); // the part already has a stand-in
      expect(createSurrogates(seeded(seed)).surrogate('NAME', 'Zed')).toMatch(/^[A-Z][a-z]+$/);
      expect(s.surrogate('NAME', 'van Doe')).toBe(`van ${a.split(' ')[2]}`);
      women.add(s.surrogate('NAME', 'Mrs. Ann Quill').split(' ')[1]);
      men.add(s.surrogate('NAME', 'Mr. Zed Quill').split(' ')[1]);
    }
    expect([...women].filter((n) => men.has(n))).toEqual([]);
  });

  it('makes addresses, cities and facilities of the same kind', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = createSurrogates(seeded(seed));
      const street = s.surrogate('LOCATION', '221 Quill Street');
      expect(street).toMatch(/^[1-9]\d\d [A-Z][a-z]+ Street$/);
      expect(street).not.toMatch(/^221 |Quill/);
      const full = s.surrogate('LOCATION', '12 N. Quill Ave., Springfield, IL 00000');
      expect(full).toMatch(/^[1-9]\d N\. [A-Z][a-z]+ Ave\., [A-Z][a-z]+, IL \d{5}$/);
      expect(full).not.toContain('Springfield');
      const city = s.surrogate('LOCATION', 'Springfield, IL');
      expect(city).toMatch(/^[A-Z][a-z]+, IL$/);
      expect(city).not.toContain('Springfield');
      expect(s.surrogate('LOCATION', 'Saint Quill Hospital')).toMatch(/^[A-Z][a-z]+(?: [A-Z][a-z]+)? Hospital$/);
      expect(s.surrogate('LOCATION', 'Quill Valley Medical Center')).toMatch(/ Medical Center$/);
      expect(s.surrogate('LOCATION', 'Quill County')).toMatch(/^[A-Z][a-z]+ County$/);
      expect(s.surrogate('LOCATION', '9 Park Avenue Apt 7')).toMatch(/^[1-9] [A-Z][a-z]+ Avenue Apt \d$/);
      expect(s.surrogate('LOCATION', '40 Calle Quill')).toMatch(/^[1-9]\d Calle [A-Z][a-z]+$/);
      const tail = s.surrogate('LOCATION', '12 Quill Ave Apt 4B Springfield IL');
      expect(tail).toMatch(/^[1-9]\d [A-Z][a-z]+ Ave Apt \dB [A-Z][a-z]+ IL$/);
      expect(tail).not.toContain('Springfield');
      // One city, one stand-in, wherever it appears.
      expect(tail.split(' ')[5]).toBe(city.split(',')[0]);
    }
  });
});

describe('find', () => {
  function issue(seed = 7): { s: Surrogates; v: Record<string, string> } {
    const s = createSurrogates(plus100(seed));
    const v = {
      name: s.surrogate('NAME', 'Jane Roe'),
      dob: s.surrogate('DATE', '03/14/1962'),
      phone: s.surrogate('PHONE', '(555) 010-4477'),
      ssn: s.surrogate('SSN', '000-12-3456'),
      mrn: s.surrogate('MRN', 'MRN-00991122'),
      ip: s.surrogate('IP_ADDRESS', '10.0.0.7'),
      email: s.surrogate('EMAIL', 'jroe@example.net'),
      age: s.surrogate('AGE', '93'),
    };
    return { s, v };
  }
  const restore = (text: string, s: Surrogates) => {
    let out = '';
    let pos = 0;
    for (const m of s.find(text)) {
      out += text.slice(pos, m.start) + m.original;
      pos = m.end;
    }
    return out + text.slice(pos);
  };

  // If this fails, restore would rewrite answers that never contained a stand-in.
  it('returns nothing when nothing was issued or nothing is present', () => {
    expect(createSurrogates(seeded(1)).find('Jane Roe, 03/14/1962, 555-0144, Mr. Lee')).toEqual([]);
    const { s } = issue();
    expect(s.find('')).toEqual([]);
    expect(s.find('The patient is stable. Continue metformin 500 mg twice daily; recheck in 3/4 weeks.')).toEqual([]);
  });

  // If this fails, values inside markdown are not put back, or punctuation is swallowed into the span.
  it('finds stand-ins inside markdown punctuation and keeps possessives outside', () => {
    const { s, v } = issue();
    const text = [
      `**${v.name}** (DOB ${v.dob})`,
      `- ${v.name}'s phone: ${v.phone}`,
      `| ${v.mrn} | ${v.ssn} | ${v.ip} |`,
      `Contact: <${v.email}>. ${v.name}’s chart.`,
    ].join('\n');
    const found = s.find(text);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surrogate);
    expect(restore(text, s)).toBe(
      [
        '**Jane Roe** (DOB 03/14/1962)',
        "- Jane Roe's phone: (555) 010-4477",
        '| MRN-00991122 | 000-12-3456 | 10.0.0.7 |',
        'Contact: <jroe@example.net>. Jane Roe’s chart.',
      ].join('\n'),
    );
  });

  // If this fails, an answer that re-formats a shifted date shows the stand-in day instead of the real one.
  it('maps any full date on an issued day back, in the format the answer used', () => {
    const { s, v } = issue();
    expect(v.dob).toBe('06/22/1962');
    expect(restore('Born June 22, 1962.', s)).toBe('Born March 14, 1962.');
    expect(restore('Born 22 June 1962.', s)).toBe('Born 14 March 1962.');
    expect(restore('Born 1962-06-22.', s)).toBe('Born 1962-03-14.');
    expect(restore('Born 6/22/62.', s)).toBe('Born 3/14/62.');
    expect(restore('Born Jun 22nd, 1962.', s)).toBe('Born Mar 14th, 1962.');
    expect(restore('Birthday on June 22nd.', s)).toBe('Birthday on March 14th.');
    expect(restore('On **22.06.1962**', s)).toBe('On **14.03.1962**');
    // Other days, other years and impossible days are left alone.
    expect(s.find('June 23, 1962; June 22, 1963; 1962-06-21; June 31, 1962')).toEqual([]);
  });

  it('matches a date without a year only by month and day', () => {
    const s = createSurrogates(plus100());
    expect(s.surrogate('DATE', 'May 30th')).toBe('September 7th');
    expect(restore('Follow up on Sep 7 and again on September 7th.', s)).toBe(
      'Follow up on May 30 and again on May 30th.',
    );
    // A dated answer does not match a stand-in issued without a year.
    expect(s.find('September 7, 2031')).toEqual([]);
  });

  // If this fails, a reformatted phone or SSN in the answer keeps the stand-in.
  it('finds re-punctuated phones and SSNs', () => {
    const { s, v } = issue();
    const digits = v.phone.replace(/\D/g, '');
    const dashed = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
    expect(restore(`Call ${dashed} or +1 ${digits}.`, s)).toBe('Call (555) 010-4477 or (555) 010-4477.');
    expect(restore(`SSN ${v.ssn.replace(/-/g, '')}`, s)).toBe('SSN 000-12-3456');
  });

  // The conservative name rules: titles always, other parts alone only when long and not common words.
  it('finds a surname after a title and long name parts alone, but not short parts alone', () => {
    const { s, v } = issue();
    const [given, family] = v.name.split(' ');
    expect(restore(`Dr. ${family} agrees.`, s)).toBe('Dr. Roe agrees.');
    expect(restore(`Mrs ${family}'s labs`, s)).toBe("Mrs Roe's labs");
    expect(restore(`${family} is well`, s)).toBe(family.length >= 4 ? 'Roe is well' : `${family} is well`);
    expect(restore(`Tell ${given} today`, s)).toBe(given.length >= 4 ? 'Tell Jane today' : `Tell ${given} today`);
    expect(s.find(given.toLowerCase())).toEqual([]);

    // Find a conversation whose surname stand-in is short (e.g. 3 letters): alone it is not restored,
    // after a title or next to the first name it is.
    let seed = 0;
    let short: { s: Surrogates; given: string; family: string } | undefined;
    while (!short && seed < 5000) {
      const t = createSurrogates(seeded(seed++));
      const [g, f] = t.surrogate('NAME', 'Jane Roe').split(' ');
      if (f.length < 4) short = { s: t, given: g, family: f };
    }
    if (!short) throw new Error('no seed gave a short surname');
    expect(short.s.find(`${short.family} said`)).toEqual([]);
    expect(restore(`Ms. ${short.family} said`, short.s)).toBe('Ms. Roe said');
    const { s: t, given: g, family: f } = short;
    expect(restore(`Cc: ${f}, ${g}`, t)).toBe('Cc: Roe, Jane');
  });

  // If this fails, a name and its own parts are restored twice, or spans overlap.
  it('lets the longest candidate win and never returns overlapping spans', () => {
    const s = createSurrogates(plus100());
    const full = s.surrogate('NAME', 'Dr. Jon Q. Doe');
    const date = s.surrogate('DATE', 'Feb 21, 2023');
    expect(date).toBe('Jun 1, 2023');
    const text = `${full} saw her on ${date}.`;
    const found = s.find(text);
    expect(found.map((m) => m.original)).toEqual(['Dr. Jon Q. Doe', 'Feb 21, 2023']);
    expect(found[0].surrogate).toBe(full);
  });

  it('finds URLs without their scheme, ISO date-times and the city of an issued address', () => {
    const s = createSurrogates(plus100());
    const url = s.surrogate('URL', 'https://portal.example.net/pt/000123');
    const bare = url.replace('https://', '');
    expect(restore(`See ${bare}.`, s)).toBe('See portal.example.net/pt/000123.');
    expect(restore(`See <${url.toUpperCase()}>`, s)).toBe('See <https://portal.example.net/pt/000123>');
    s.surrogate('DATE', '2026-02-03T10:15');
    expect(restore('Admitted 2026-05-14T08:00Z.', s)).toBe('Admitted 2026-02-03T08:00Z.');
    const address = s.surrogate('LOCATION', '12 Quill Road, Springfield, IL');
    const city = address.split(', ')[1];
    expect(restore(`Lives in ${city}.`, s)).toBe('Lives in Springfield.');
  });

  it('respects word boundaries', () => {
    const { s, v } = issue();
    const [given, family] = v.name.split(' ');
    expect(s.find(`${v.ip}0 and x${v.mrn} and ${v.mrn}9 and ${given}son and ${family}-Quill and ${v.email}x`)).toEqual(
      [],
    );
  });

  it('finds ages only next to an age word', () => {
    const { s, v } = issue();
    expect(restore(`A ${v.age}-year-old, aged ${v.age}, ${v.age} yo, ${v.age} y.o., Age: ${v.age}`, s)).toBe(
      'A 93-year-old, aged 93, 93 yo, 93 y.o., Age: 93',
    );
    expect(s.find(`SpO2 ${v.age}% on room air, HR ${v.age}`)).toEqual([]);
  });

  // Invariants over arbitrary answers built from stand-ins and filler.
  it('always returns sorted, non-overlapping spans that show what they claim', () => {
    const { s, v } = issue();
    const pieces = [...Object.values(v), 'June 22, 1962', 'Dr. ', '**', ' | ', "'s", ' ', '\n- ', '(', ')', 'and', '1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const found = s.find(text);
        let last = 0;
        for (const m of found) {
          expect(m.start >= last).toBe(true);
          expect(m.end > m.start).toBe(true);
          expect(text.slice(m.start, m.end)).toBe(m.surrogate);
          last = m.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  // If this fails, a crafted answer can freeze the page (catastrophic backtracking).
  it('runs in linear time on adversarial text', () => {
    const { s } = issue();
    const inputs = [
      '1/'.repeat(50_000),
      'Feb '.repeat(40_000),
      '1-1 '.repeat(40_000),
      '555 '.repeat(40_000),
      'Dr. '.repeat(40_000),
      `${'a'.repeat(100_000)}@`,
      '1 '.repeat(60_000),
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      s.find(text);
      expect(performance.now() - t0).toBeLessThan(1500);
    }
  });
});

describe('privacy', () => {
  afterEach(() => vi.restoreAllMocks());

  // If this fails, PHI could end up in the browser console or logs.
  it('writes nothing to the console', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((k) =>
      vi.spyOn(console, k).mockImplementation(() => {}),
    );
    const s = createSurrogates(seeded(9));
    const out = SAMPLES.map(([c, v]) => s.surrogate(c, v)).join(' ');
    s.find(out);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
