import { ReadOnlyCode } from './ReadOnlyCode';

export interface JsonViewProps {
  /** JSON text, e.g. the preview bundle pretty-printed. */
  value: string;
  ariaLabel: string;
  height?: number | string;
}

/** Read-only JSON with folding and JSON colours; updates in place as `value` changes. */
export function JsonView({ value, ariaLabel, height }: JsonViewProps) {
  return <ReadOnlyCode value={value} language="json" ariaLabel={ariaLabel} height={height} />;
}
