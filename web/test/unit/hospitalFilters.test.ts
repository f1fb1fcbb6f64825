import { describe, expect, it } from 'vitest';
import { countiesOf, distinctValues, filtersFromParams, matches, paramsFromFilters } from '../../src/transforms/hospitalFilters';
import type { HospitalSummary } from '../../src/types';

const hospital = (over: Partial<HospitalSummary>): HospitalSummary => ({
  id: '1', name: 'General', city: 'Austin', state: 'TX', county: 'TRAVIS', type: 'Acute Care Hospitals',
  ownership: 'Proprietary', emergency_services: true, birthing_friendly: false, rating: 3, latitude: 30, longitude: -97, ...over,
});

describe('hospital filters', () => {
  it('round-trip through URL parameters with the API names', () => {
    const filters = filtersFromParams(new URLSearchParams('state=tx&min_rating=4&emergency=true'));
    expect(filters.state).toBe('TX');
    expect(paramsFromFilters(filters)).toEqual({ state: 'TX', min_rating: '4', emergency: 'true' });
  });

  it('apply the same rules as the API', () => {
    const filters = filtersFromParams(new URLSearchParams('min_rating=3&q=aus&type=acute care hospitals'));
    expect(matches(hospital({}), filters)).toBe(true);
    expect(matches(hospital({ rating: 2 }), filters)).toBe(false);
    expect(matches(hospital({ rating: null }), filters)).toBe(false);
    expect(matches(hospital({ city: 'Dallas', name: 'General' }), filters)).toBe(false);
    expect(matches(hospital({ type: 'Psychiatric' }), filters)).toBe(false);
  });

  it('filter on emergency services both ways', () => {
    const without = filtersFromParams(new URLSearchParams('emergency=false'));
    expect(matches(hospital({ emergency_services: false }), without)).toBe(true);
    expect(matches(hospital({ emergency_services: true }), without)).toBe(false);
  });

  it('filter on the birthing-friendly designation', () => {
    const designated = filtersFromParams(new URLSearchParams('birthing_friendly=true'));
    expect(paramsFromFilters(designated)).toEqual({ birthing_friendly: 'true' });
    expect(matches(hospital({ birthing_friendly: true }), designated)).toBe(true);
    expect(matches(hospital({ birthing_friendly: false }), designated)).toBe(false);
  });

  it('filter on the county, ignoring case, and list a state\'s counties', () => {
    const travis = filtersFromParams(new URLSearchParams('state=TX&county=Travis'));
    expect(matches(hospital({}), travis)).toBe(true);
    expect(matches(hospital({ county: 'WILLIAMSON' }), travis)).toBe(false);
    expect(countiesOf([hospital({}), hospital({ county: 'HARRIS' }), hospital({ state: 'OK', county: 'TULSA' })], 'TX')).toEqual(['HARRIS', 'TRAVIS']);
  });

  it('list distinct values sorted', () => {
    expect(distinctValues([hospital({ state: 'TX' }), hospital({ state: 'AK' }), hospital({ state: 'TX' })], 'state')).toEqual(['AK', 'TX']);
  });
});
