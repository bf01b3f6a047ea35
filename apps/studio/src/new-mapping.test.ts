import { describe, expect, it } from 'vitest';
import { slugify } from './NewMapping';

describe('slugify', () => {
  it('makes a url-safe id the server accepts from any name', () => {
    expect(slugify('Lab ADT → Patient (v2)')).toBe('lab-adt-patient-v2');
    expect(slugify('  Émile’s feed ')).toBe('emile-s-feed');
    expect(slugify('---')).toMatch(/^mapping-[a-z0-9]+$/);
  });
});
