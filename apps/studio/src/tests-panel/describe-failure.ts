import type { ElementDiff, TestFailure } from '@mapwright/engine';

/** The headline of one failure, as the tests panel lists it. */
export function describeFailure(failure: TestFailure): string {
  switch (failure.kind) {
    case 'run':
      return `The sample did not map: ${failure.message}`;
    case 'validation':
      return `${failure.count} validation error${failure.count === 1 ? '' : 's'} in the output`;
    case 'assertion':
      return `Assertion ${failure.index + 1}: ${failure.message}`;
    case 'bundle':
      return `${failure.differences.length} difference${failure.differences.length === 1 ? '' : 's'} from the expected bundle`;
  }
}

const KIND_TEXT: Record<ElementDiff['kind'], string> = {
  added: 'only in the actual output',
  removed: 'missing from the actual output',
  changed: 'changed',
};

/** `Patient.name[0].family changed`: where the actual bundle departs from the expected one. */
export function describeDifference(diff: ElementDiff): string {
  return `${diff.path} ${KIND_TEXT[diff.kind]}`;
}
