import { describeGroup, type DiffGroup } from '@mapwright/engine';
import type { Comparison, SemanticDiffView } from './comparison';
import { groupMessages, showValue } from './group-messages';

/**
 * Both versions' output over every message, grouped by what differs ("Patient.birthDate changed in 38 of
 * 40 messages"). A group opens onto its messages, a message onto its element differences.
 */
export function OutputDiff({
  output,
  corpus,
  includeCorpus,
  onIncludeCorpus,
  loading,
}: {
  output: SemanticDiffView;
  corpus: Comparison['corpus'];
  includeCorpus: boolean;
  onIncludeCorpus: (include: boolean) => void;
  /** A new comparison (with or without the corpus) is on its way. */
  loading: boolean;
}) {
  return (
    <section className="output-diff" aria-label="Output differences" aria-busy={loading}>
      <header className="section-head">
        <h3>Output</h3>
        <span role="status">
          {output.changed === 0
            ? `Same output for all ${output.total} message${output.total === 1 ? '' : 's'}`
            : `Output differs for ${output.changed} of ${output.total} message${output.total === 1 ? '' : 's'}`}
        </span>
        {corpus.available && (
          <label className="inline-check">
            <input
              type="checkbox"
              checked={includeCorpus}
              disabled={loading}
              onChange={(e) => onIncludeCorpus(e.target.checked)}
            />
            Include corpus{includeCorpus ? ` (${corpus.messages} messages)` : ''}
          </label>
        )}
      </header>
      {output.groups.length > 0 && (
        <ul className="diff-groups">
          {output.groups.map((group) => (
            <GroupRow key={`${group.kind} ${group.path}`} group={group} output={output} />
          ))}
        </ul>
      )}
      <FailedToMap output={output} />
    </section>
  );
}

function GroupRow({ group, output }: { group: DiffGroup; output: SemanticDiffView }) {
  const covered = groupMessages(group, output.messages);
  const unlisted = group.count - covered.length;
  return (
    <li className={`diff-group change-${group.kind}`} data-group-kind={group.kind}>
      <details>
        <summary>{describeGroup(group)}</summary>
        <ul className="diff-messages">
          {covered.map((message) => (
            <li key={message.id}>
              <details>
                <summary>
                  {message.name} <span className="origin">{message.origin}</span>
                </summary>
                <table className="element-diffs">
                  <tbody>
                    {message.diffs.map((d, i) => (
                      <tr key={i}>
                        <th scope="row">
                          <code>{d.path}</code>
                        </th>
                        <td>
                          <code className="value-before">{showValue(d.before, 120)}</code>
                        </td>
                        <td aria-hidden="true">→</td>
                        <td>
                          <code className="value-after">{showValue(d.after, 120)}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          ))}
          {unlisted > 0 && (
            <li className="origin">
              and {unlisted} more message{unlisted === 1 ? '' : 's'}, too many to list here
            </li>
          )}
        </ul>
      </details>
    </li>
  );
}

/** A message one version cannot map at all is a difference of its own, with the reason. */
function FailedToMap({ output }: { output: SemanticDiffView }) {
  const failing = output.messages.filter((m) => !m.before.ok || !m.after.ok);
  if (failing.length === 0) return null;
  return (
    <ul className="failed-to-map">
      {failing.map((m) => (
        <li key={m.id}>
          {m.name}:{' '}
          {!m.before.ok && `does not map in the older version (${m.before.problem ?? 'no reason given'})`}
          {!m.before.ok && !m.after.ok && '; '}
          {!m.after.ok && `does not map in the newer version (${m.after.problem ?? 'no reason given'})`}
        </li>
      ))}
    </ul>
  );
}
