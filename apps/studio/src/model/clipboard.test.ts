import { describe, expect, test } from 'vitest';
import { Clipboard, copyNodes, pasteNodes } from './clipboard';
import { example, expectCompiles, expectNoDangling, expectParses, small } from './fixtures.test-helper';

describe('copy and paste', () => {
  test('copies the nodes and only the wires between them', () => {
    const clip = copyNodes(small(), ['pid5', 'humanName']);
    expect(clip.nodes.map((n) => n.id)).toEqual(['pid5', 'humanName']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e1']);
    expect(Clipboard.safeParse(JSON.parse(JSON.stringify(clip))).success).toBe(true);
  });

  test('pastes under fresh ids with remapped wires, shifted by the offset', () => {
    const m = small();
    const { mapping, nodeIds } = pasteNodes(m, copyNodes(m, ['pid5', 'humanName', 'patient']), {
      x: 50,
      y: 60,
    });
    expect(nodeIds).toEqual(['pid5_1', 'humanName2', 'patient2']);
    expect(mapping.nodes.find((n) => n.id === 'pid5_1')?.position).toEqual({ x: 50, y: 60 });
    const pasted = mapping.edges.filter((e) => nodeIds.includes(e.source));
    expect(pasted).toEqual([
      { id: 'e-pid5_1-humanName2-xpn', source: 'pid5_1', target: 'humanName2', targetHandle: 'xpn' },
      { id: 'e-humanName2-patient2-name', source: 'humanName2', target: 'patient2', targetHandle: 'name' },
    ]);
    expect(mapping.nodes).toHaveLength(m.nodes.length + 3);
    expect(m.nodes).toHaveLength(6);
    expectCompiles(mapping);
  });

  test('pasting twice keeps counting instead of stacking suffixes', () => {
    const m = small();
    const clip = copyNodes(m, ['pid7']);
    const once = pasteNodes(m, clip);
    const twice = pasteNodes(once.mapping, clip);
    expect([...once.nodeIds, ...twice.nodeIds]).toEqual(['pid7_1', 'pid7_2']);
    const again = pasteNodes(twice.mapping, copyNodes(twice.mapping, ['pid7_2']));
    expect(again.nodeIds).toEqual(['pid7_3']);
  });

  test('a copied target keeps links to copied targets and to targets still there', () => {
    const oru = example('oru-lab');
    const clip = copyNodes(oru, ['report', 'observation']);
    const { mapping, nodeIds } = pasteNodes(oru, clip);
    const [report, observation] = nodeIds;
    expect(mapping.nodes.find((n) => n.id === observation)).toMatchObject({
      parent: report,
      // subject -> the existing patient; specimen was not copied but exists here, so it stays
      references: [
        { element: 'subject', target: 'patient' },
        { element: 'specimen', target: 'specimen' },
      ],
    });
    expectNoDangling(mapping);
    expectParses(mapping);
    // pasted into a mapping without the patient, links to it are dropped rather than left dangling
    const elsewhere = pasteNodes(small(), clip);
    expectNoDangling(elsewhere.mapping);
  });

  test('copy/paste of the whole ADT example doubles it and still compiles', () => {
    const m = example('adt-patient');
    const { mapping } = pasteNodes(
      m,
      copyNodes(
        m,
        m.nodes.map((n) => n.id),
      ),
      { x: 0, y: 5000 },
    );
    expect(mapping.nodes).toHaveLength(m.nodes.length * 2);
    expect(mapping.edges).toHaveLength(m.edges.length * 2);
    expect(new Set(mapping.nodes.map((n) => n.id)).size).toBe(mapping.nodes.length);
    expect(new Set(mapping.edges.map((e) => e.id)).size).toBe(mapping.edges.length);
    expectNoDangling(mapping);
    expectCompiles(mapping);
  });
});
