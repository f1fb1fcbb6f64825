import { describe, expect, it } from 'vitest';
import { compareLimit, parseCompareIds, withCompared, withoutCompared } from '../../src/transforms/compareList';

describe('the compare list', () => {
  it('reads ids in order, dropping blanks and repeats but not cutting the list', () => {
    expect(parseCompareIds(' 450056,,450431,450056,450124,450068 ')).toEqual(['450056', '450431', '450124', '450068']);
    expect(parseCompareIds(null)).toEqual([]);
  });

  it('adds at the end up to the limit, never twice', () => {
    let ids: string[] = [];
    for (const id of ['a', 'b', 'a', 'c', 'd']) ids = withCompared(ids, id);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(ids).toHaveLength(compareLimit);
  });

  it('removes one id and keeps the order of the rest', () => {
    expect(withoutCompared(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
