// The US map regions for ECharts: states and counties from us-atlas, already projected with Albers USA so
// Alaska and Hawaii sit as insets. Each is loaded and registered on first use, beside the view's data.

import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// The county geometry is data, not code: shipped as a JSON asset and fetched only when a county map is shown.
import countiesUrl from 'us-atlas/counties-albers-10m.json?url';
import { loadECharts } from '../charts/mount';
import { once } from '../once';
import { noDataColor } from '../transforms/colors';
import { pixelProjection, stateCodeByFips } from './projection';

const regionNames = new Map<string, string>();

/** An area's name by FIPS code ("Texas", "Harris, TX") once its map is registered, else the code itself. */
export function regionName(fips: string): string {
  return regionNames.get(fips) ?? fips;
}

/**
 * A region named by its FIPS code (2 digits for a state, 5 for a county), as the API's rows are joined;
 * the atlas's own name is kept for regionName.
 */
function regionsOf(topology: Topology, object: string) {
  const collection = feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection<Geometry, { name: string }>;
  for (const f of collection.features) {
    const fips = String(f.id);
    const state = fips.length === 5 ? stateCodeByFips[fips.slice(0, 2)] : undefined;
    regionNames.set(fips, state ? `${f.properties.name}, ${state}` : f.properties.name);
    f.properties = { name: fips };
  }
  return collection;
}

function registerOnce(map: string, object: string, topology: () => Promise<Topology>): Promise<void> {
  return once(`map ${map}`, async () => {
    const [echarts, loaded] = await Promise.all([loadECharts(), topology()]);
    echarts.registerMap(map, regionsOf(loaded, object) as never);
  });
}

async function fetchCounties(): Promise<Topology> {
  const response = await fetch(countiesUrl);
  if (!response.ok) throw new Error(`county geometry: HTTP ${response.status}`);
  return (await response.json()) as Topology;
}

/** Registers the "us-states" map; regions are named by 2-digit state FIPS code. */
export function registerStates(): Promise<void> {
  return registerOnce('us-states', 'states',
    () => import('us-atlas/states-albers-10m.json').then((module) => module.default as unknown as Topology));
}

/** Registers the "us-counties" map; regions are named by 5-digit county FIPS code. */
export function registerCounties(): Promise<void> {
  return registerOnce('us-counties', 'counties', fetchCounties);
}

/**
 * What every US map of the dashboard shares, as an ECharts geo or map-series option: the registered map for
 * the level, the atlas's own projection, zoom and pan, white borders, areas without data in `areaColor`, and
 * no hover or selection fill (a tooltip names the area instead).
 */
export function usMapBase(level: 'state' | 'county', areaColor = noDataColor) {
  return {
    map: level === 'county' ? 'us-counties' : 'us-states',
    projection: pixelProjection,
    roam: true,
    itemStyle: { areaColor, borderColor: '#fff', borderWidth: level === 'county' ? 0.2 : 0.5 },
    emphasis: { disabled: true },
    select: { disabled: true },
  };
}
