// The US map regions for ECharts: states and counties from us-atlas, already projected with Albers USA so
// Alaska and Hawaii sit as insets. Each is loaded and registered on first use, beside the view's data.

import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// The county geometry is data, not code: shipped as a JSON asset and fetched only when a county map is shown.
import countiesUrl from 'us-atlas/counties-albers-10m.json?url';
import { loadECharts } from '../charts/mount';
import { once } from '../once';

/** A region named by its FIPS code (2 digits for a state, 5 for a county), as the API's rows are joined. */
function regionsOf(topology: Topology, object: string) {
  const collection = feature(topology, topology.objects[object] as GeometryCollection) as FeatureCollection<Geometry, { name: string }>;
  for (const f of collection.features) f.properties = { name: String(f.id) };
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
