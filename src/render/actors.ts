import type { Entity } from '../types.js';

/**
 * The actors a reader needs first: ranked by how many sources name them, then by mentions,
 * then by name. Entities mentioned once and never quoted are the tail, folded away by the
 * renderers (unless every entity is, in which case nothing is folded).
 */
export function rankActors(entities: Entity[]): { main: Entity[]; tail: Entity[] } {
  const ranked = [...entities].sort(
    (a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions || a.name.localeCompare(b.name),
  );
  const folded = (e: Entity) => e.mentions <= 1 && !e.quotes?.length;
  const main = ranked.filter((e) => !folded(e));
  const tail = ranked.filter(folded);
  if (main.length === 0) return { main: tail, tail: [] };
  return { main, tail };
}
