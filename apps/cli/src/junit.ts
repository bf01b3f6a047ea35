export interface JunitCase {
  suite: string;
  name: string;
  /** Seconds. */
  time: number;
  failure?: string;
}

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** JUnit XML as CI servers (Jenkins, GitLab, GitHub reporters) read it: one testsuite per mapping. */
export function toJunitXml(cases: JunitCase[]): string {
  const suites = new Map<string, JunitCase[]>();
  for (const c of cases) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mapwright" tests="${cases.length}" failures="${failures}">`,
  ];
  for (const [suite, list] of suites) {
    const suiteFailures = list.filter((c) => c.failure !== undefined).length;
    const time = list.reduce((t, c) => t + c.time, 0);
    lines.push(
      `  <testsuite name="${escapeXml(suite)}" tests="${list.length}" failures="${suiteFailures}" time="${time.toFixed(3)}">`,
    );
    for (const c of list) {
      const open = `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(c.name)}" time="${c.time.toFixed(3)}"`;
      if (c.failure === undefined) lines.push(`${open}/>`);
      else {
        lines.push(`${open}>`);
        lines.push(
          `      <failure message="${escapeXml(c.failure.split('\n')[0] ?? '')}">${escapeXml(c.failure)}</failure>`,
        );
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
