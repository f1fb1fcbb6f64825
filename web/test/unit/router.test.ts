import { describe, expect, it } from 'vitest';
import { buildHash, parseHash } from '../../src/router';

describe('hash routes', () => {
  it('reads the view and its parameters', () => {
    const route = parseHash('#/map?metric=uninsured_share&type=Critical%20Access%20Hospitals');
    expect(route.view).toBe('map');
    expect(route.params.get('metric')).toBe('uninsured_share');
    expect(route.params.get('type')).toBe('Critical Access Hospitals');
  });

  it('treats an empty hash as the overview', () => {
    expect(parseHash('').view).toBe('overview');
    expect(parseHash('#/').view).toBe('overview');
  });

  it('writes a shareable hash without empty parameters and reads it back', () => {
    const hash = buildHash('hospitals', { state: 'TX', q: '', min_rating: '4' });
    expect(hash).toBe('#/hospitals?state=TX&min_rating=4');
    expect(Object.fromEntries(parseHash(hash).params)).toEqual({ state: 'TX', min_rating: '4' });
  });
});
