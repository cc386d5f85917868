import { describe, expect, it } from 'vitest';
import { explanationSoFar } from './explanation.js';

describe('explanationSoFar', () => {
  const answer = JSON.stringify({ explanation: 'Orders "ship"\nafter they\'re paid — ok \u00e9 \\ done', definition: { version: 1 } });

  it('is the whole explanation once the JSON is complete', () => {
    expect(explanationSoFar(answer)).toBe(JSON.parse(answer).explanation);
  });

  it('grows as a prefix of the explanation, whatever the cut', () => {
    const whole = JSON.parse(answer).explanation as string;
    let before = '';
    for (let cut = 0; cut <= answer.length; cut++) {
      const now = explanationSoFar(answer.slice(0, cut));
      expect(whole.startsWith(now)).toBe(true);
      expect(now.startsWith(before)).toBe(true);
      before = now;
    }
    expect(before).toBe(whole);
  });

  it('is empty while no explanation has started', () => {
    expect(explanationSoFar('{"definition": {')).toBe('');
  });
});
