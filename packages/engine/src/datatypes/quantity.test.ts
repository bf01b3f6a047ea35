import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';
import { looksLikeUcum } from './ucum';

const fns = hl7Functions();
const run = (name: string, ...args: unknown[]) => fns[name]!.implementation(...args);
const UCUM = 'http://unitsofmeasure.org';

describe('toQuantity', () => {
  it.each([
    [
      'NM with UCUM units (ORU OBX-5/6)',
      '0.70',
      { C1: '[IU]/mL', C2: 'international unit per milliliter', C3: 'UCUM', C4: 'IU/ml', C6: 'L', C7: '1.9' },
      { value: 0.7, unit: 'international unit per milliliter', system: UCUM, code: '[IU]/mL' },
    ],
    [
      'units without system that parse as UCUM',
      { C1: '114.02' },
      { C1: 'mg/dL' },
      { value: 114.02, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
    ],
    ['units that are not UCUM', [{ C1: '145.01' }], 'MMOLL', { value: 145.01, unit: 'MMOLL' }],
    ['units with an unknown system', '44', { C1: 'beats/min', C3: 'ISO' }, { value: 44, unit: 'beats/min' }],
    [
      'SN "=^440^." (lfh)',
      { C1: '=', C2: '440', C3: '.' },
      { C1: '{Cells}/uL', C2: 'cells per microliter', C3: 'UCUM' },
      { value: 440, unit: 'cells per microliter', system: UCUM, code: '{Cells}/uL' },
    ],
    ['SN "^182" (lfh)', { C2: '182' }, 'mg/dl', { value: 182, unit: 'mg/dl', system: UCUM, code: 'mg/dl' }],
    ['SN comparator', { C1: '<', C2: '5' }, undefined, { value: 5, comparator: '<' }],
    ['SN >=', { C1: '>=', C2: '-1.5' }, undefined, { value: -1.5, comparator: '>=' }],
    [
      'CQ with units in the field',
      { C1: '10', C2: { S1: 'mg', S3: 'UCUM' } },
      undefined,
      { value: 10, unit: 'mg', system: UCUM, code: 'mg' },
    ],
    ['repeating NM takes the first (OBX-5 "27~25")', [{ C1: '27' }, { C1: '25' }], undefined, { value: 27 }],
  ])('%s', (_label, value, units, expected) => {
    expect(run('toQuantity', value, units)).toEqual(expected);
  });

  it.each([
    ['a range', { C2: '10', C3: '-', C4: '20' }, /range/],
    ['a ratio', { C2: '1', C3: ':', C4: '128' }, /ratio/],
    ['a categorical 2+', { C2: '2', C3: '+' }, /categorical/],
    ['comparator <>', { C1: '<>', C2: '5' }, /no FHIR Quantity equivalent/],
    ['not a number', 'abc', /not an HL7 number/],
  ])('throws for %s', (_label, value, message) => {
    expect(() => run('toQuantity', value)).toThrow(message);
  });

  it('omits empty input', () => {
    expect(run('toQuantity', undefined, 'mg')).toBeUndefined();
    expect(run('toQuantity', [{ C1: null }])).toBeUndefined();
  });
});

describe('toRange and toRatio', () => {
  it('maps SN ranges and ratios', () => {
    expect(run('toRange', { C2: '10', C3: '-', C4: '20' }, 'mg/dL')).toEqual({
      low: { value: 10, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
      high: { value: 20, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
    });
    expect(run('toRatio', { C2: '1', C3: ':', C4: '128' })).toEqual({
      numerator: { value: 1 },
      denominator: { value: 128 },
    });
    expect(() => run('toRange', { C1: '<', C2: '5' })).toThrow(/not a range/);
    expect(() => run('toRatio', '5')).toThrow(/not a ratio/);
  });
});

describe('toDecimal and toBoolean', () => {
  it.each([
    ['5.10', 5.1],
    ['-1.5', -1.5],
    ['+3', 3],
    ['.5', 0.5],
    [{ C1: '120' }, 120],
  ])('toDecimal %j', (input, expected) => {
    expect(run('toDecimal', input)).toBe(expected);
  });

  it('toDecimal rejects non-numbers and omits empty', () => {
    expect(() => run('toDecimal', '1.2.3')).toThrow(
      expect.objectContaining({ code: 'invalid-value', datatype: 'NM' }),
    );
    expect(run('toDecimal', null)).toBeUndefined();
  });

  it.each([
    ['Y', true],
    ['N', false],
    ['n', false],
    [{ C1: 'Y', C2: 'Yes', C3: 'HL70136' }, true],
    [undefined, undefined],
  ])('toBoolean %j', (input, expected) => {
    expect(run('toBoolean', input)).toBe(expected);
  });

  it('toBoolean rejects other codes', () => {
    expect(() => run('toBoolean', 'U')).toThrow(/not Y or N/);
  });
});

describe('looksLikeUcum', () => {
  it.each([
    'mg/dL',
    '%',
    '10*3/uL',
    '{cells}/uL',
    'pg/{cell}',
    '[IU]/mL',
    'mm[Hg]',
    'mmol/L',
    'kg/m2',
    '/min',
    'g',
  ])('accepts %s', (unit) => {
    expect(looksLikeUcum(unit)).toBe(true);
  });
  it.each(['beats/min', 'MMOLL', 'gm/dl', 'giga.l-1', 'mg per dL', ''])('rejects %s', (unit) => {
    expect(looksLikeUcum(unit)).toBe(false);
  });
});
