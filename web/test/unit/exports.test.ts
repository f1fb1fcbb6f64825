import { describe, expect, it } from 'vitest';
import { csvColumns, hospitalsToCsv, hospitalsToGeoJson } from '../../src/transforms/exports';
import type { HospitalFields } from '../../src/types';

const rows: HospitalFields[] = [
  { id: '010001', name: 'SOUTHEAST HEALTH, "MAIN"', city: 'DOTHAN', state: 'AL', type: 'Acute Care Hospitals',
    ownership: 'Government', emergency_services: true, rating: 3, latitude: 31.2, longitude: -85.4, address: '1108 ROSS CLARK CIR, STE 1' },
  { id: '010005', name: 'MARSHALL MEDICAL', city: 'BOAZ', state: 'AL', type: 'Acute Care Hospitals',
    ownership: 'Government', emergency_services: false, rating: null, latitude: null, longitude: null },
];

describe('exports', () => {
  it('write RFC 4180 CSV: header, one line per hospital, quotes doubled, empty for null', () => {
    const csv = hospitalsToCsv(rows);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(csvColumns.join(','));
    expect(lines[1]).toContain('"SOUTHEAST HEALTH, ""MAIN"""');
    expect(lines[1]).toContain('"1108 ROSS CLARK CIR, STE 1"');
    expect(lines[2].split(',')[12]).toBe('');
  });

  it('write GeoJSON points for the geocoded hospitals and count the others', () => {
    const geojson = hospitalsToGeoJson(rows);
    expect(geojson.features).toHaveLength(1);
    expect(geojson.ungeocoded).toBe(1);
    expect((geojson.features[0] as { geometry: { coordinates: number[] } }).geometry.coordinates).toEqual([-85.4, 31.2]);
  });
});
