// How the map colours its hospital markers: by CMS star rating, or by a measure's quintiles (best to worst
// by the measure's direction), each class in its own marker palette.

import { formatNumber } from '../transforms/format';
import { ratingColor } from '../transforms/colors';
import type { HospitalSummary, Measure } from '../types';
import { measureHospitals } from '../view';

/** One colour class of markers: its legend label and colour. */
export interface MarkerLegend {
  name: string;
  color: string;
}

/** How markers are classed: the classes (drawn in this order, later on top) and a hospital's class. */
export interface MarkerScheme {
  title: string;
  classes: MarkerLegend[];
  classOf: (hospital: HospitalSummary) => number;
  /** The tooltip line of a hospital under this scheme. */
  describe: (hospital: HospitalSummary) => string;
}

// Worst to best: a red-to-blue diverging palette (ColorBrewer RdBu), distinct from the choropleth's greys.
const quintileColors = ['#b2182b', '#ef8a62', '#f7f7f7', '#67a9cf', '#2166ac'];
const noValueColor = '#9e9e9e';

/** Markers by CMS star rating: not rated first, so rated hospitals are drawn on top. */
export function ratingScheme(): MarkerScheme {
  const ratings: (number | null)[] = [null, 1, 2, 3, 4, 5];
  return {
    title: 'Marker colours: star rating',
    classes: ratings.map((r) => ({ name: r === null ? 'not rated' : `${r} star${r > 1 ? 's' : ''}`, color: ratingColor(r) })),
    classOf: (hospital) => ratings.indexOf(hospital.rating),
    describe: (x) => `Rating: ${x.rating === null ? 'not rated' : `${x.rating} / 5`}`,
  };
}

/** Markers by a measure's quintiles among hospitals with a value, worst to best (no value first). */
export async function measureScheme(measure: Measure): Promise<MarkerScheme> {
  const values = new Map((await measureHospitals(measure.id)).map((row) => [row.facility_id, row.value]));
  const sorted = [...values.values()].sort((a, b) => a - b);
  const cut = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const bounds = [0.2, 0.4, 0.6, 0.8].map(cut);
  const ascendingQuintile = (value: number) => bounds.filter((b) => value >= b).length; // 0..4, low to high
  const lowIsBest = measure.direction === 'lower_is_better';
  const edges = [sorted[0], ...bounds, sorted[sorted.length - 1]];
  const label = (q: number) => `${formatNumber(edges[q])} to ${formatNumber(edges[q + 1])}`;
  const classes: MarkerLegend[] = [{ name: 'no value', color: noValueColor }];
  // Class k (1..5) runs worst to best; its colour follows.
  for (let k = 0; k < 5; k += 1) {
    const q = lowIsBest ? 4 - k : k;
    const tag = k === 0 ? ' (worst fifth)' : k === 4 ? ' (best fifth)' : '';
    classes.push({ name: `${label(q)}${measure.direction === 'neutral' ? '' : tag}`, color: quintileColors[k] });
  }
  return {
    title: `Marker colours: ${measure.name}, fifths of ${sorted.length.toLocaleString('en-US')} hospitals`,
    classes,
    classOf: (hospital) => {
      const value = values.get(hospital.id);
      if (value === undefined) return 0;
      const q = ascendingQuintile(value);
      return 1 + (lowIsBest ? 4 - q : q);
    },
    describe: (x) => `${measure.name}: ${values.has(x.id) ? formatNumber(values.get(x.id) as number, 6) : 'no value'}`,
  };
}
