import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';

const fns = hl7Functions();
const telecom = (input: unknown) => fns.toContactPoint!.implementation(input);

describe('toContactPoint (XTN)', () => {
  it.each([
    [
      'v2.3 number with PH (lfh PID-13)',
      { C1: '(700)000-0000', C3: 'PH' },
      [{ system: 'phone', value: '(700)000-0000' }],
    ],
    [
      'built from area and local number (lfh)',
      { C2: 'PRN', C3: 'PH', C6: '586', C7: '3365555' },
      [{ system: 'phone', value: '586 3365555', use: 'home' }],
    ],
    [
      'country code and extension',
      { C3: 'PH', C5: '31', C6: '20', C7: '5551234', C8: '12', C2: 'WPN' },
      [{ system: 'phone', value: '+31 20 5551234 X12', use: 'work' }],
    ],
    [
      'CP gives phone + mobile; XTN.12 wins; rank and period (lfh)',
      // 78788788^^CP^5555^^^1111^^^^^2222^20010110^20020110^^^^18
      {
        C1: '78788788',
        C3: 'CP',
        C4: '5555',
        C7: '1111',
        C12: '2222',
        C13: '20010110',
        C14: '20020110',
        C18: '18',
      },
      [
        {
          system: 'phone',
          value: '2222',
          use: 'mobile',
          rank: 18,
          period: { start: '2001-01-10', end: '2002-01-10' },
        },
      ],
    ],
    [
      'beeper',
      { C1: '(555)555-1234', C2: 'PRN', C3: 'BP' },
      [{ system: 'pager', value: '(555)555-1234', use: 'home' }],
    ],
    ['TDD', { C1: '1111', C3: 'TDD' }, [{ system: 'other', value: '1111' }]],
    [
      'Internet with the address in XTN.1',
      { C1: 'a@b.org', C3: 'Internet' },
      [{ system: 'email', value: 'a@b.org' }],
    ],
    [
      'Internet takes XTN.4',
      { C2: 'NET', C3: 'Internet', C4: 'jdoe@example.org' },
      [{ system: 'email', value: 'jdoe@example.org' }],
    ],
    [
      'no XTN.3: number and e-mail become two ContactPoints (lfh)',
      { C1: '(509) 555-1212', C4: 'jdoe@paml.com' },
      [
        { system: 'phone', value: '(509) 555-1212' },
        { system: 'email', value: 'jdoe@paml.com' },
      ],
    ],
    [
      'use outside table 0201 (msft "HOME")',
      { C1: '020 5368 1665', C2: 'HOME' },
      [{ system: 'phone', value: '020 5368 1665' }],
    ],
    ['plain string', '8885551212', [{ system: 'phone', value: '8885551212' }]],
  ])('%s', (_label, input, expected) => {
    expect(telecom(input)).toEqual(expected);
  });

  it('maps every repetition (PID-13 "78788788^^CP~12121212^^CP")', () => {
    expect(
      telecom([
        { C1: '78788788', C3: 'CP' },
        { C1: '12121212', C3: 'CP' },
      ]),
    ).toEqual([
      { system: 'phone', value: '78788788', use: 'mobile' },
      { system: 'phone', value: '12121212', use: 'mobile' },
    ]);
  });

  it('omits empty input and repetitions with no value', () => {
    expect(telecom(undefined)).toBeUndefined();
    expect(telecom([{ C2: 'PRN', C3: 'PH' }])).toBeUndefined();
  });

  it('throws for a preference order that is not a positive integer', () => {
    expect(() => telecom({ C1: '1', C18: '0' })).toThrow(expect.objectContaining({ code: 'invalid-value' }));
  });
});
