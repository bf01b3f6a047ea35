import type { Comparison } from './comparison';

/** Tests and validation of both versions side by side: what a reviewer checks before approving. */
export function Checks({ comparison }: { comparison: Comparison }) {
  const { tests, output, from, to } = comparison;
  const rows: Array<{ label: string; before: number; after: number; bad: boolean }> = [
    { label: 'Tests passed', before: tests.before.passed, after: tests.after.passed, bad: false },
    { label: 'Tests failed', before: tests.before.failed, after: tests.after.failed, bad: true },
    {
      label: 'Validation errors',
      before: output.validation.before.errors,
      after: output.validation.after.errors,
      bad: true,
    },
    {
      label: 'Validation warnings',
      before: output.validation.before.warnings,
      after: output.validation.after.warnings,
      bad: false,
    },
    {
      label: 'Messages that do not map',
      before: output.validation.before.failedToMap,
      after: output.validation.after.failedToMap,
      bad: true,
    },
  ];
  const failedAfter = tests.after.results.filter((r) => !r.passed);
  return (
    <section className="checks" aria-label="Tests and validation">
      <h3>Tests and validation</h3>
      <table className="checks-table">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Version {from.number}</th>
            <th scope="col">Version {to.number}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.before}</td>
              <td className={row.bad && row.after > 0 ? 'is-bad' : undefined}>{row.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {failedAfter.length > 0 && (
        <p className="is-bad">
          Failing in version {to.number}: {failedAfter.map((r) => r.name).join(', ')}
        </p>
      )}
    </section>
  );
}
