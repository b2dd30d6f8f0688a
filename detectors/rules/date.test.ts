import { describe, expect, it } from 'vitest';
import { run, scanHits, values } from '../test-helpers';
import { date } from './date';

describe('date', () => {
  // If this fails, one of the written forms listed in the detector's header is no longer caught, or
  // its span grew or shrank (a redaction would leave part of the date or eat a neighbouring word).
  it.each([
    ['Seen on Feb 21, 2023 for f/u', 'Feb 21, 2023'],
    ['follow-up 3/4/26 ok', '3/4/26'],
    ['scan 2026-02-03 done', '2026-02-03'],
    ['her birthday is May 30th', 'May 30th'],
    ['DOB 1/2/1960', '1/2/1960'],
    ['born 3rd of May 2021', '3rd of May 2021'],
    ['since March 2021 she', 'March 2021'],
    ['labs 02-22-2024 normal', '02-22-2024'],
    ['visit 12.03.2021 noted', '12.03.2021'],
    ['start 2026-02-03T10:30:00 end', '2026-02-03T10:30:00'],
    ['on Sept. 3rd 2021 we', 'Sept. 3rd 2021'],
    ['surgery 21 Feb 2023.', '21 Feb 2023'],
    ['admitted 21-Feb-2023', '21-Feb-2023'],
    ['seen on 3/4 for pain', '3/4'],
    ['DOB: 7/14', '7/14'],
    ['discharged December 24, 2025 at noon', 'December 24, 2025'],
    ['fell last Friday at home', 'last Friday'],
    ['Jan 5 appointment', 'Jan 5'],
    ['seen Feb. 21st, 2023', 'Feb. 21st, 2023'],
    ['on 21st February 2023', '21st February 2023'],
    ['on February 21st', 'February 21st'],
    ['DOB 1960-01-02', '1960-01-02'],
    ['on 3/4/2026 at 10:30 am', '3/4/2026'],
  ])('finds the date in %j', (text, value) => {
    expect(values(date, text)).toContain(value);
    expect(scanHits(text).find((h) => h.category === 'DATE')?.value).toBe(value);
  });

  // If this fails, durations, bare years, ratios, vitals or versions are redacted as dates.
  it.each([
    'diagnosed in 2019 with asthma',
    'symptoms began 3 days ago',
    'pain started August 1 hour after the fall',
    'take it May 3 doses a day',
    'she may 12 times a day feel dizzy',
    'she may 12 of them',
    'ratio 3/4 of patients responded',
    'BP 120/80 HR 72',
    'version 1.2.34 released',
    'Jan 32 is not a day',
    '13/13/2020',
    '2026-13-03',
    '2026-02-32',
    'last month she felt better',
    'a 45-year-old woman',
    'between 1990 and 2000',
    'score 10/10',
  ])('finds no date in %j', (text) => {
    expect(run(date, text)).toEqual([]);
  });

  // If this fails, an ambiguous day/month order (European 21/02) is no longer accepted, or an
  // impossible one (both parts over 12 / over 31) is.
  it.each([
    ['21/02/2024', true],
    ['02/21/2024', true],
    ['31/12/99', true],
    ['32/12/2024', false],
    ['12/31/2024', true],
    ['13/31/2024', false],
    ['00/12/2024', false],
  ])('numeric %s accepted: %s', (text, ok) => {
    expect(values(date, text).includes(text)).toBe(ok);
  });

  // If this fails, the "3/4" form is taken without a date cue (every fraction would become a date).
  it('needs a date cue before a month/day without year', () => {
    expect(values(date, 'give 3/4 of a tablet')).toEqual([]);
    expect(values(date, 'seen 3/4 in clinic')).toEqual(['3/4']);
    // Weekdays, scheduling and follow-up are date cues too; so is a month/year after a cue.
    expect(values(date, 'surgery scheduled for Tuesday 3/17 at 0700')).toEqual(['3/17']);
    expect(values(date, 'on Fri. 3/6 at noon')).toEqual(['3/6']);
    expect(values(date, 'f/u 3/2 w/ cardiology')).toEqual(['3/2']);
    expect(values(date, 'last seen 12/2025 for DM f/u')).toEqual(['12/2025']);
    expect(values(date, 'DOS: 4/9')).toEqual(['4/9']);
    expect(values(date, 'seen 13/2025')).toEqual([]);
    expect(values(date, 'ratio 12/2025 of samples')).toEqual([]);
    expect(values(date, 'we fried 3/4 of the batch')).toEqual([]);
    // A study or procedure named just before is a date cue: "Echo 10/05: EF 25%", "CT 3/14".
    expect(values(date, 'Echo 10/05: EF 25%, moderate MR')).toEqual(['10/05']);
    expect(values(date, 'CT 3/14 showed no bleed')).toEqual(['3/14']);
    expect(values(date, 'perfect 3/4 score on the quiz')).toEqual([]);
  });

  // If this fails, the date of a drug approval or a publication is reported as a patient's date (a false
  // alarm on clinical questions), or a patient's own approval or prescription date is dropped.
  it('drops the dates of public events only', () => {
    expect(values(date, 'The FDA approved lecanemab on January 6, 2023; is it safe?')).toEqual([]);
    expect(values(date, 'the guideline published on November 12, 2013 changed dosing')).toEqual([]);
    expect(values(date, 'prior auth approved on 3/14/2024 for her MRI')).toEqual(['3/14/2024']);
    expect(values(date, 'Rx issued on 03/02/2024, refills 2')).toEqual(['03/02/2024']);
  });
});
