// The hospitals chosen for Compare, as the `ids=` URL parameter holds them: at most three, in the order chosen.

/** The most hospitals Compare shows side by side (as Care Compare). */
export const compareLimit = 3;

/** The ids of an `ids=` parameter, in order, without blanks or repeats (any number: the view says what it leaves out). */
export function parseCompareIds(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').map((id) => id.trim()).filter(Boolean))];
}

/** `ids` with `id` added at the end, unchanged when it is already there or the list is full. */
export function withCompared(ids: string[], id: string): string[] {
  return ids.includes(id) || ids.length >= compareLimit ? ids : [...ids, id];
}

/** `ids` without `id`. */
export function withoutCompared(ids: string[], id: string): string[] {
  return ids.filter((other) => other !== id);
}
