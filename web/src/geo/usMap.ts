// The US map regions for ECharts: states (and counties, loaded on demand) from us-atlas, already projected
// with Albers USA so Alaska and Hawaii sit as insets.

import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-albers-10m.json';
// The county geometry is data, not code: shipped as a JSON asset and fetched only when a county map is shown.
import countiesUrl from 'us-atlas/counties-albers-10m.json?url';
import { echarts } from '../charts/echarts';

type Named = { name: string };

function featuresOf(topology: Topology, object: string, key: (id: string, name: string) => string) {
  const collection = feature(topology, topology.objects[object] as GeometryCollection<Named>) as FeatureCollection<Geometry, Named>;
  for (const f of collection.features) f.properties = { name: key(String(f.id), f.properties.name) };
  return collection;
}

let statesRegistered = false;
let countiesRegistered: Promise<void> | null = null;

/** Registers the "us-states" map; each region is named by its 2-digit state FIPS code. */
export function registerStates(): void {
  if (statesRegistered) return;
  echarts.registerMap('us-states', featuresOf(statesTopology as unknown as Topology, 'states', (id) => id) as never);
  statesRegistered = true;
}

/** Registers the "us-counties" map (loaded on first use); regions are named by 5-digit county FIPS. */
export function registerCounties(): Promise<void> {
  countiesRegistered ??= fetch(countiesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`county geometry: HTTP ${response.status}`);
      return response.json() as Promise<Topology>;
    })
    .then((topology) => {
      echarts.registerMap('us-counties', featuresOf(topology, 'counties', (id) => id) as never);
    })
    .catch((error: unknown) => {
      countiesRegistered = null; // the next attempt fetches again
      throw error;
    });
  return countiesRegistered;
}
