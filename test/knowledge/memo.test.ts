import { describe, expect, it } from 'vitest';
import { rememberPerText } from '../../src/knowledge/memo.js';

describe('a function remembered per text', () => {
  it('works each text out once, and forgets everything when the bound is reached so memory never grows with traffic', () => {
    const computed: string[] = [];
    const length = rememberPerText(2, (text) => {
      computed.push(text);
      return text.length;
    });
    expect([length('aa'), length('bbb'), length('aa')]).toEqual([2, 3, 2]);
    expect(computed).toEqual(['aa', 'bbb']);
    // A third text finds the memory full: it starts again, so 'aa' is worked out anew.
    length('c');
    length('aa');
    expect(computed).toEqual(['aa', 'bbb', 'c', 'aa']);
  });
});
