import { describe, expect, it } from 'vitest';
import { projectPoint, stateCodeByFips, stateFipsByCode } from '../../src/geo/projection';

describe('Albers USA projection of hospital coordinates', () => {
  it('puts the lower 48, Alaska and Hawaii inside the us-atlas frame (975 x 610)', () => {
    for (const [lon, lat] of [[-97.74, 30.27], [-149.9, 61.22], [-157.86, 21.31], [-68.5, 48]]) {
      const point = projectPoint(lon, lat);
      expect(point).not.toBeNull();
      expect(point![0]).toBeGreaterThan(0);
      expect(point![0]).toBeLessThan(975);
      expect(point![1]).toBeGreaterThan(0);
      expect(point![1]).toBeLessThan(610);
    }
  });

  it('leaves out the territories the projection does not cover', () => {
    expect(projectPoint(144.79, 13.44)).toBeNull(); // Guam
    expect(projectPoint(-66.11, 18.47)).toBeNull(); // Puerto Rico
  });

  it('maps FIPS and USPS codes both ways', () => {
    expect(stateCodeByFips['48']).toBe('TX');
    expect(stateFipsByCode.DC).toBe('11');
    expect(Object.keys(stateCodeByFips)).toHaveLength(Object.keys(stateFipsByCode).length);
  });
});
