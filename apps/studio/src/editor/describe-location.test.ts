import { describe, expect, it } from 'vitest';
import { describeLocation } from './describe-location';

describe('describeLocation', () => {
  it('names HL7 fields as analysts write them, and text positions by line and column', () => {
    expect(describeLocation({ segment: 'PID', field: 8, component: 1 })).toBe('PID-8.1');
    expect(describeLocation({ segment: 'OBX' })).toBe('segment OBX');
    expect(describeLocation({ line: 3, column: 7 })).toBe('line 3, column 7');
    expect(describeLocation({ path: 'nodes[2].expression', position: 0 })).toBe(
      'nodes[2].expression, character 1',
    );
  });
});
