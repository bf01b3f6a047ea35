import { JSONATA } from './jsonata-language';
import { ReadOnlyCode } from './ReadOnlyCode';

export interface CodeViewProps {
  value: string;
  /** Monaco language id; JSONata unless said otherwise ("View JSONata" shows the generated program). */
  language?: string;
  ariaLabel?: string;
  height?: number | string;
}

/** Read-only code, e.g. the JSONata program generated from the graph. */
export function CodeView({
  value,
  language = JSONATA,
  ariaLabel = 'Generated JSONata',
  height,
}: CodeViewProps) {
  return <ReadOnlyCode value={value} language={language} ariaLabel={ariaLabel} height={height} />;
}
