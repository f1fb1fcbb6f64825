import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getAll } from '../../src/api';

type Item = { id: number };

// A list endpoint of `total` items served by the fetch the dashboard calls; `versionOf` gives the
// dataset version a request sees, so a test can publish a new version between two pages.
function serveList(total: number, versionOf: (request: number) => string) {
  let requests = 0;
  const fetchPage = vi.fn(async (url: string) => {
    const query = new URL(url, 'http://localhost').searchParams;
    const limit = Number(query.get('limit'));
    const offset = Number(query.get('offset'));
    const data: Item[] = [];
    for (let id = offset; id < Math.min(total, offset + limit); id += 1) data.push({ id });
    const meta = { total, limit, offset, returned: data.length, dataset_version: versionOf(requests++) };
    return new Response(JSON.stringify({ data, meta, links: {} }), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchPage);
  return fetchPage;
}

afterEach(() => vi.unstubAllGlobals());

describe('getAll', () => {
  it('returns every item of every page, in order, with one request per page', async () => {
    const fetchPage = serveList(5421, () => 'v1');
    const items = await getAll<Item>('/api/v1/hospitals?sort=id');
    expect(items).toHaveLength(5421);
    expect(items.every((item, index) => item.id === index)).toBe(true);
    expect(fetchPage).toHaveBeenCalledTimes(6);
  });

  it('fetches the expected pages at once, then whatever the first page says is left', async () => {
    const fetchPage = serveList(5421, () => 'v1');
    const items = await getAll<Item>('/api/v1/hospitals', { expectedTotal: 3000 });
    expect(items.map((item) => item.id)).toEqual([...Array(5421).keys()]);
    expect(fetchPage).toHaveBeenCalledTimes(6);
  });

  it('returns only the items that exist when fewer than expected are there', async () => {
    const fetchPage = serveList(1200, () => 'v1');
    const items = await getAll<Item>('/api/v1/hospitals', { expectedTotal: 5421 });
    expect(items).toHaveLength(1200);
    expect(fetchPage).toHaveBeenCalledTimes(6);
  });

  it('reads the list again when a new dataset version is published between pages', async () => {
    const fetchPage = serveList(2500, (request) => (request < 2 ? 'v1' : 'v2'));
    const items = await getAll<Item>('/api/v1/hospitals');
    expect(items).toHaveLength(2500);
    expect(fetchPage).toHaveBeenCalledTimes(6);
  });

  it('gives up with an ApiError when every attempt sees the version change', async () => {
    serveList(2500, (request) => `v${request}`);
    await expect(getAll<Item>('/api/v1/hospitals')).rejects.toBeInstanceOf(ApiError);
  });
});
