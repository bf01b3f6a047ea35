/**
 * A syntactic check that a unit string is plausible UCUM: terms joined by "." and "/", each a known atom
 * with an optional prefix and exponent, a factor like 10*3, or an {annotation}. It does not check
 * dimensions; it only keeps "beats/min", "MMOLL" or "gm/dl" from being labelled UCUM.
 */
const ATOMS = new Set([
  'g',
  'L',
  'l',
  'm',
  's',
  'min',
  'h',
  'd',
  'wk',
  'mo',
  'a',
  'mol',
  'eq',
  'U',
  '[IU]',
  '[iU]',
  '%',
  'Cel',
  '[degF]',
  'mm[Hg]',
  'cm[H2O]',
  'Pa',
  'bar',
  'cal',
  'kat',
  'K',
  'Hz',
  'J',
  'W',
  'V',
  'A',
  'Ohm',
  'N',
  'osm',
  'Bq',
  'Gy',
  'Sv',
  '[in_i]',
  '[ft_i]',
  '[lb_av]',
  '[oz_av]',
  '[mi_i]',
  '[drp]',
  '[pH]',
  '[ppm]',
  '[ppb]',
  'dB',
  'mho',
  'S',
  'u',
  'Da',
  "[arb'U]",
  '[HPF]',
  '[LPF]',
  '[CFU]',
  '[tsp_us]',
  '[tbs_us]',
  '[foz_us]',
  '[gal_us]',
  '[pt_us]',
  '[qt_us]',
  'ar',
  'deg',
  'rad',
  'sr',
  'cd',
  'lm',
  'lx',
  't',
  "[ka'U]",
  "[knk'U]",
  "[mclg'U]",
  "[tb'U]",
  "[USP'U]",
  '10*',
  '[sft_i]',
]);
const PREFIXES = [
  'da',
  'Y',
  'Z',
  'E',
  'P',
  'T',
  'G',
  'M',
  'k',
  'h',
  'd',
  'c',
  'm',
  'u',
  'n',
  'p',
  'f',
  'a',
  'z',
  'y',
];

function isUnitTerm(term: string): boolean {
  const core = term.replace(/\{[^{}]*\}/g, '');
  if (core === '') return term !== ''; // pure annotation like {cells}
  if (/^\d+(\*\d+|\^\d+)?$/.test(core)) return true; // 1, 10*3, 10^6
  const match = /^(.+?)(-?\d+)?$/.exec(core);
  if (!match) return false;
  const atom = match[1]!;
  if (ATOMS.has(atom)) return true;
  return PREFIXES.some((prefix) => atom.startsWith(prefix) && ATOMS.has(atom.slice(prefix.length)));
}

export function looksLikeUcum(unit: string): boolean {
  if (unit === '' || /\s/.test(unit)) return false;
  const terms = unit.replace(/^\//, '').split(/[./](?![^{]*\})/);
  return terms.every(isUnitTerm);
}
