import { describe, expect, it } from 'vitest';
import { matchingWords } from '../../src/transforms/wordSearch';

describe('word search', () => {
  const counties = ['Harris County, TX', 'Harrison County, TX', 'Harris County, GA', 'Travis County, TX'];

  it('keeps the items holding every word, in any order and case', () => {
    expect(matchingWords(counties, 'harris tx', (c) => c)).toEqual(['Harris County, TX', 'Harrison County, TX']);
    expect(matchingWords(counties, 'GA harris', (c) => c)).toEqual(['Harris County, GA']);
  });

  it('finds nothing for an empty query', () => {
    expect(matchingWords(counties, '  ', (c) => c)).toEqual([]);
  });
});
