import { describe, expect, it } from 'vitest';
import { hl7Functions, isHl7DatatypeError } from './index';

const plus1 = hl7Functions({ defaultTimeZone: '+01:00' });
const utc = hl7Functions();
const call = (fns: ReturnType<typeof hl7Functions>, name: string, ...args: unknown[]) =>
  fns[name]!.implementation(...args);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('toDateTime', () => {
  it.each([
    ['year only', '1980', '1980'],
    ['year and month', '198001', '1980-01'],
    ['date', '19800101', '1980-01-01'],
    ['minutes get seconds and the default zone', '198001011030', '1980-01-01T10:30:00+01:00'],
    ['hour precision', '2016030815', '2016-03-08T15:00:00+01:00'],
    ['offset kept (PID-7, lfh)', '20190411101633+0215', '2019-04-11T10:16:33+02:15'],
    ['negative offset (PID-7, lfh)', '20160308150405-0500', '2016-03-08T15:04:05-05:00'],
    ['minutes with offset (PID-7, lfh)', '198808181126+0215', '1988-08-18T11:26:00+02:15'],
    ['fraction kept (msft)', '20150624084727.655-0500', '2015-06-24T08:47:27.655-05:00'],
    ['one-digit fraction, +0000', '20130408141909.0+0000', '2013-04-08T14:19:09.0+00:00'],
    ['fraction without a dot (OBX-5 DTM, lfh)', '20170403011212000+0000', '2017-04-03T01:12:12.000+00:00'],
    ['leap day', '20240229', '2024-02-29'],
  ])('%s: %s -> %s', (_label, input, expected) => {
    expect(call(plus1, 'toDateTime', input)).toBe(expected);
  });

  it.each([
    ['TS composite (v2.3) as one repetition', { C1: '19610615' }],
    ['DTM (v2.6+) in a field array', [{ C1: '19610615' }]],
    ['TS inside a component (subcomponents)', { S1: '19610615' }],
    ['first non-empty repetition', [{ C1: null }, { C1: '19610615' }]],
  ])('accepts %s', (_label, input) => {
    expect(call(plus1, 'toDateTime', input)).toBe('1961-06-15');
  });

  it.each([undefined, null, '', '   ', [], [{ C1: null }], {}])('omits empty input %j', (input) => {
    expect(call(plus1, 'toDateTime', input)).toBeUndefined();
  });

  it('uses UTC when no default zone is configured', () => {
    expect(call(utc, 'toDateTime', '198001011030')).toBe('1980-01-01T10:30:00+00:00');
  });

  it('resolves an IANA default zone per value, with DST', () => {
    const amsterdam = hl7Functions({ defaultTimeZone: 'Europe/Amsterdam' });
    expect(call(amsterdam, 'toDateTime', '202407011200')).toBe('2024-07-01T12:00:00+02:00');
    expect(call(amsterdam, 'toDateTime', '202401011200')).toBe('2024-01-01T12:00:00+01:00');
  });

  it('rejects an unknown default zone at registration', () => {
    expect(() => hl7Functions({ defaultTimeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });

  it.each([
    ['month 13', '19801301'],
    ['February 30', '20230230'],
    ['February 29 in a common year', '20230229'],
    ['hour 25', '1980010125'],
    ['minute 60', '198001011060'],
    ['FHIR-formatted input', '1980-01-01'],
    ['garbage', 'yesterday'],
    ['offset out of range', '198001011030+1600'],
  ])('throws invalid-value for %s', (_label, input) => {
    const error = thrown(() => call(plus1, 'toDateTime', input));
    expect(isHl7DatatypeError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-value', value: input, datatype: 'DTM->dateTime' });
  });
});

describe('toDate', () => {
  it.each([
    ['19610615', '1961-06-15'],
    ['19890118000000', '1989-01-18'],
    ['20160308150405-0500', '2016-03-08'],
    ['198001', '1980-01'],
  ])('%s -> %s', (input, expected) => {
    expect(call(plus1, 'toDate', input)).toBe(expected);
  });

  it('throws for an impossible date', () => {
    expect(() => call(plus1, 'toDate', '20230230')).toThrow(/invalid day/);
  });
});

describe('toInstant', () => {
  it('keeps full precision and offset', () => {
    expect(call(plus1, 'toInstant', '20150624084727.655-0500')).toBe('2015-06-24T08:47:27.655-05:00');
    expect(call(plus1, 'toInstant', { C1: '200803051530' })).toBe('2008-03-05T15:30:00+01:00');
  });

  it.each(['19800101', '1980010110'])('refuses less than minute precision: %s', (input) => {
    expect(thrown(() => call(plus1, 'toInstant', input))).toMatchObject({
      code: 'invalid-value',
      datatype: 'DTM->instant',
    });
  });
});
