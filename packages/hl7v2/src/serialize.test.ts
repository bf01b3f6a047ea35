import { describe, expect, it } from 'vitest';
import { corpusMessages } from './corpus-fixture.test-helper';
import { parseHl7 } from './parse';
import { fromTree, serializeHl7 } from './serialize';
import { parseToTree, toTree } from './tree';

describe('serializeHl7', () => {
  it('keeps escapes and spacing exactly as written', () => {
    const text = 'MSH|^~\\&|A|B|||20240101||ADT^A01|1|P|2.5\rPID|1|| x \\T\\ y ||DOE^^^|\r';
    const r = parseHl7(text);
    expect(r.ok && serializeHl7(r.message)).toBe(text);
  });
});

describe('fromTree', () => {
  it('escapes values and writes null as ""', () => {
    const out = fromTree({
      MSH: [{ F9: [{ C1: 'ADT', C2: 'A01' }], F10: [{ C1: '1' }], F12: [{ C1: '2.5' }] }],
      PID: [
        {
          F3: [{ C1: 'a|b', C4: { S1: 'x&y', S3: 'z' } }, { C1: 'r2' }],
          F5: [{ C1: null }],
          F8: [{ C1: 'l1\nl2' }],
        },
      ],
    });
    expect(out).toBe('MSH|^~\\&|||||||ADT^A01|1||2.5\rPID|||a\\F\\b^^^x\\T\\y&&z~r2||""|||l1\\.br\\l2\r');
    const back = parseToTree(out);
    expect(back.ok && back.tree.PID[0]).toMatchObject({
      F3: [{ C1: 'a|b', C4: { S1: 'x&y', S3: 'z' } }, { C1: 'r2' }],
    });
  });

  it('writes with given encoding characters', () => {
    const enc = { field: '#', component: '*', repetition: '!', escape: '%', subcomponent: '@' };
    expect(fromTree({ MSH: [{}], PID: [{ F1: [{ C1: 'a#b', C2: 'c' }] }] }, enc)).toBe(
      'MSH#*!%@\rPID#a%F%b*c\r',
    );
  });

  it('rebuilds every structured corpus message to the same tree', () => {
    for (const m of corpusMessages()) {
      const r = parseToTree(m.text);
      if (!r.ok || !r.message.structureId) continue;
      // Only when the walker placed every segment in structure order is the tree order the message order.
      if (r.warnings.some((w) => w.code === 'SEGMENT_OUT_OF_ORDER' || w.code === 'UNEXPECTED_SEGMENT'))
        continue;
      const again = parseHl7(fromTree(r.tree));
      expect(again.ok, m.name).toBe(true);
      if (again.ok) expect(toTree(again.message), m.name).toEqual(r.tree);
    }
  });
});
