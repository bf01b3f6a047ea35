import { describe, expect, it } from 'vitest';
import { messageSeed } from './hash';

describe('messageSeed', () => {
  const cr = 'MSH|^~\\&|A|B\rPID|1||123\r';

  it('is the same whatever the transport did to segment endings, BOM and trailing lines', () => {
    for (const variant of [
      cr,
      cr.replace(/\r/g, '\n'),
      cr.replace(/\r/g, '\r\n'),
      `\uFEFF${cr}\n\n`,
      cr.trimEnd(),
    ]) {
      expect(messageSeed(variant)).toBe(messageSeed(cr));
    }
  });

  it('changes when the content changes', () => {
    expect(messageSeed(cr.replace('123', '124'))).not.toBe(messageSeed(cr));
  });
});
