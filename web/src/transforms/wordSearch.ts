// Search as people type it: every word of the query must appear somewhere in the item's text.

/** The items whose text contains every word of the query (case-insensitive); none for an empty query. */
export function matchingWords<T>(items: T[], query: string, text: (item: T) => string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  return items.filter((item) => {
    const haystack = text(item).toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
