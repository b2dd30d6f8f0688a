import { describe, expect, it } from 'vitest';
import { hitFor, run, values, withLuhn, wrongDigit } from '../test-helpers';
import { deviceId } from './device-id';

// A synthetic IMEI: 14 digits completed with a Luhn check digit (3GPP TS 23.003).
const IMEI = withLuhn('99000099123456');
const BAD_IMEI = IMEI.slice(0, -1) + wrongDigit(IMEI.slice(-1));
const UDI = '(01)00812345678901(17)250101(10)A123';

describe('device-id', () => {
  // If this fails, an implant's UDI or a labelled serial / lot number is missed.
  it.each([
    [`implant UDI ${UDI} placed`, UDI],
    ['S/N 12345XY', '12345XY'],
    ['serial number SN-88812', 'SN-88812'],
    ['lot 4471A', '4471A'],
    ['pacemaker PM-20031', 'PM-20031'],
    ['serial: PM-20031', 'PM-20031'],
    ['device ID D-99812', 'D-99812'],
  ])('finds the value in %j', (text, value) => {
    expect(hitFor(deviceId, text, value)?.category).toBe('DEVICE');
  });

  // If this fails, an IMEI is reported without its label, or a labelled Luhn-invalid one is taken as an IMEI.
  it('finds a Luhn-valid IMEI only after an IMEI label', () => {
    expect(hitFor(deviceId, `IMEI ${IMEI}`, IMEI)?.validated).toBe(true);
    expect(values(deviceId, `number ${IMEI} here`)).toEqual([]);
    // A labelled but Luhn-invalid IMEI still counts as a labelled device number, not as a validated IMEI.
    expect(run(deviceId, `IMEI ${BAD_IMEI}`).some((h) => h.validated && h.reason === 'IMEI')).toBe(false);
  });

  // If this fails, model names and small numbers after device words become device identifiers.
  it.each(['model 3', 'pump at 5 ml/h', 'lot of 12 patients', 'serial 2 weeks', 'implant in 2021'])(
    'finds no device id in %j',
    (text) => {
      expect(values(deviceId, text)).toEqual([]);
    },
  );
});
