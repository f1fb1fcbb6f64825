// Work done once per page load and shared: API answers, the ECharts chunk, registered maps.

const promises = new Map<string, Promise<unknown>>();

/** The shared promise for `key`, made by `make` on first use; a rejected one is forgotten, so the next call tries again. */
export function once<T>(key: string, make: () => Promise<T>): Promise<T> {
  let promise = promises.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = make();
    promises.set(key, promise);
    promise.catch(() => promises.delete(key));
  }
  return promise;
}
