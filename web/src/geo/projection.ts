// Albers USA as us-atlas drew its *-albers-10m files, and the state FIPS <-> USPS code tables.

import { geoAlbersUsa } from 'd3-geo';

/** The projection us-atlas used for its *-albers-10m files (its README); points drawn with it line up. */
const albersUsa = geoAlbersUsa().scale(1300).translate([487.5, 305]);

/** A point on the map, or null outside Albers USA's coverage (the territories but Alaska and Hawaii). */
export function projectPoint(longitude: number, latitude: number): [number, number] | null {
  return albersUsa([longitude, latitude]);
}

/** The identity projection for ECharts: the geometry is in map pixels already, y downward. */
export const pixelProjection = {
  project: (point: number[]) => point,
  unproject: (point: number[]) => point,
};

/** State FIPS -> USPS code, for joining API rows (by code) to map regions (by FIPS). */
export const stateCodeByFips: Record<string, string> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP',
  '72': 'PR', '78': 'VI',
};

/** USPS code -> state FIPS. */
export const stateFipsByCode: Record<string, string> = Object.fromEntries(
  Object.entries(stateCodeByFips).map(([fips, code]) => [code, fips]),
);
