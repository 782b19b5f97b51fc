// An article of a stream as the clusterer may read it, from a parsed JSON object: the known fields
// of the right type, never a label. Kept apart from the evaluator so that `precis cluster` loads
// no more than the clusterer.
import type { StreamArticle } from './types.js';

/** The article fields a clusterer may read: never the label. */
export function toArticle(a: Record<string, unknown>): StreamArticle {
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  return {
    id: a.id == null ? null : String(a.id),
    title: str(a.title),
    text: str(a.text),
    html: str(a.html),
    url: str(a.url),
    published: str(a.published) ?? str(a.date),
    outlet: str(a.outlet),
  };
}
