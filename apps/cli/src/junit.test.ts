import { describe, expect, it } from 'vitest';
import { toJunitXml } from './junit';

describe('toJunitXml', () => {
  it('writes one suite per mapping with failures escaped', () => {
    const xml = toJunitXml([
      { suite: 'adt-patient', name: 'a01', time: 0.01 },
      { suite: 'adt-patient', name: 'a08', time: 0.02, failure: 'Bundle.entry[0]: expected "<x>"' },
    ]);
    expect(xml).toContain('<testsuites name="mapwright" tests="2" failures="1">');
    expect(xml).toContain('<testsuite name="adt-patient" tests="2" failures="1" time="0.030">');
    expect(xml).toContain('<testcase classname="adt-patient" name="a01" time="0.010"/>');
    expect(xml).toContain('expected &quot;&lt;x&gt;&quot;');
  });
});
