// The REST API as the dashboard uses it: typed fetches, problem+json errors, "not computed yet" told apart.

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { name: string; value: string; problem: string }[];
}

/** A failed API call: the HTTP status and, when the server sent one, its problem. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
  }

  /** True when the server is up but the analysis or the models behind the route are not computed yet. */
  get notComputed(): boolean {
    return this.status === 503 && this.problem?.type === 'urn:hci:problem:unavailable';
  }
}

/** The list envelope of every list endpoint. */
export interface ListEnvelope<T> {
  data: T[];
  meta: { total: number; limit: number; offset: number; returned: number; dataset_version: string };
  links: { next?: string | null };
}

/** The object envelope of every single-object endpoint. */
export interface ObjectEnvelope<T> {
  data: T;
  meta: { dataset_version: string };
}

let apiKey = '';

/** Sets the API key sent with every request (needed for predictions). */
export function setApiKey(key: string): void {
  apiKey = key.trim();
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  return apiKey ? { ...extra, Authorization: `Bearer ${apiKey}` } : extra;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  return refuse(response);
}

/** Throws the ApiError of a refused response, with its problem+json when it has one. */
async function refuse(response: Response): Promise<never> {
  let problem: Problem | null = null;
  try {
    problem = (await response.json()) as Problem;
  } catch {
    problem = null;
  }
  throw new ApiError(response.status, problem, problem?.detail ?? `HTTP ${response.status}`);
}

/** GET a JSON path under the API (e.g. "/api/v1/states"); throws ApiError, or TypeError when unreachable. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(path, { headers: headers(), signal }));
}

/** GET a file the API builds (an XLSX export); throws ApiError as getJson does. */
export async function getBlob(path: string): Promise<Blob> {
  const response = await fetch(path, { headers: headers() });
  return response.ok ? response.blob() : refuse(response);
}

/** POST a JSON body. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return parse<T>(
    await fetch(path, {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
      signal,
    }),
  );
}

const pageSize = 1000;
const attemptsOnVersionChange = 3;

/** The offsets of the pages from `from` up to `total` items. */
function pageOffsets(from: number, total: number): number[] {
  const offsets: number[] = [];
  for (let offset = from; offset < total; offset += pageSize) offsets.push(offset);
  return offsets;
}

/**
 * Every item of a list endpoint, in order. The pages for `expectedTotal` items (when the caller knows about
 * how many there are) are fetched together with the first; the first page's total tells what is left to
 * fetch. When a reload publishes a new dataset version mid-way, the pages would mix two versions, so the
 * whole list is fetched again (and an ApiError is thrown if that keeps happening).
 */
export async function getAll<T>(path: string, options: { expectedTotal?: number; signal?: AbortSignal } = {}): Promise<T[]> {
  const separator = path.includes('?') ? '&' : '?';
  const pageAt = (offset: number) =>
    getJson<ListEnvelope<T>>(`${path}${separator}limit=${pageSize}&offset=${offset}`, options.signal);
  for (let attempt = 1; ; attempt += 1) {
    const guessed = await Promise.all([0, ...pageOffsets(pageSize, options.expectedTotal ?? 0)].map(pageAt));
    const rest = pageOffsets(guessed.length * pageSize, guessed[0].meta.total);
    const pages = [...guessed, ...(await Promise.all(rest.map(pageAt)))];
    const version = pages[0].meta.dataset_version;
    if (pages.every((page) => page.meta.dataset_version === version)) return pages.flatMap((page) => page.data);
    if (attempt === attemptsOnVersionChange) {
      throw new ApiError(409, null, `the dataset changed ${attempt} times while ${path} was read; try again`);
    }
  }
}
