// Every view by its route name, and the ones the navigation lists.

import type { View } from '../view';
import { access } from './access';
import { clusters } from './clusters';
import { correlations } from './correlations';
import { costs } from './costs';
import { county } from './county';
import { data } from './data';
import { expansion } from './expansion';
import { compare, hospital } from './hospital';
import { hospitals } from './hospitals';
import { indicators } from './indicators';
import { map } from './map';
import { measures } from './measures';
import { overview } from './overview';
import { predict } from './predict';
import { state } from './state';

/** Route name -> view. */
export const views: Record<string, View> = {
  overview, map, indicators, access, state, county, hospitals, hospital, compare, measures, costs, expansion, correlations, clusters, predict, data,
};

/** The navigation: route name and label. */
export const navigation: [string, string][] = [
  ['overview', 'Overview'], ['map', 'Map'], ['indicators', 'Indicators'], ['access', 'Access'], ['state', 'States'], ['county', 'Counties'], ['hospitals', 'Hospitals'], ['measures', 'Measures'], ['costs', 'Costs & coverage'], ['expansion', 'Expansion'],
  ['correlations', 'Correlations'], ['clusters', 'Clusters'], ['predict', 'Predict'], ['data', 'Data'],
];
