// Hash routes: "#/map?metric=uninsured_share&type=..." -> view "map" with its parameters, so every view
// and every filter has a shareable URL and the server serves one page.

/** A view name and its parameters. */
export interface Route {
  view: string;
  params: URLSearchParams;
}

/** Reads a location hash; an empty or unknown hash is the overview. */
export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [view, query = ''] = text.split('?', 2);
  return { view: view || 'overview', params: new URLSearchParams(query) };
}

/** Writes a route as a hash, leaving out empty parameters. */
export function buildHash(view: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `#/${view}${text ? `?${text}` : ''}`;
}
