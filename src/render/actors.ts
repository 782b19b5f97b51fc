import type { Entity } from '../types.js';

/**
 * The actors a reader needs first: ranked by how many sources name them, then by mentions,
 * then by name. Entities mentioned once are the tail, folded away by the renderers (unless
 * every entity is mentioned once, in which case nothing is folded).
 */
export function rankActors(entities: Entity[]): { main: Entity[]; tail: Entity[] } {
  const ranked = [...entities].sort(
    (a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions || a.name.localeCompare(b.name),
  );
  const main = ranked.filter((e) => e.mentions > 1);
  const tail = ranked.filter((e) => e.mentions <= 1);
  if (main.length === 0) return { main: tail, tail: [] };
  return { main, tail };
}
