import { describe, expect, it } from 'vitest';
import { createEchoTracker } from './echo-tracker';

describe('createEchoTracker', () => {
  it('skips an echo that arrives after the analyst typed more', () => {
    const echoes = createEchoTracker();
    echoes.reported('$a');
    echoes.reported('$a &');
    // the parent renders '$a' while the editor already holds '$a & $b'
    expect(echoes.shouldApply('$a', '$a & $b')).toBe(false);
    expect(echoes.shouldApply('$a &', '$a & $b')).toBe(false);
  });

  it('skips the echo of the current text', () => {
    const echoes = createEchoTracker();
    echoes.reported('$x');
    expect(echoes.shouldApply('$x', '$x')).toBe(false);
  });

  it('applies a change that did not come from the editor (undo in the canvas, another node selected)', () => {
    const echoes = createEchoTracker();
    echoes.reported('$a');
    expect(echoes.shouldApply('$toDate($dob)', '$a')).toBe(true);
  });

  it('forgets echoes once the parent has caught up, so an old text set again is applied', () => {
    const echoes = createEchoTracker();
    echoes.reported('$a');
    echoes.reported('$ab');
    expect(echoes.shouldApply('$ab', '$ab')).toBe(false);
    expect(echoes.shouldApply('$a', '$ab')).toBe(true);
  });
});
