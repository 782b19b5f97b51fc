/**
 * Positions in `reference` of one longest common subsequence with `candidate`, added to `into`.
 * The walk back from the end moves up in the reference on a tie, as both ROUGE-1.5.5 and
 * rouge_score do: which LCS is taken changes the summary-level union (Lin 2004).
 */
export function lcsPositions(reference: readonly string[], candidate: readonly string[], into: Set<number>): void {
  const cols = candidate.length + 1;
  // LCS lengths fit 16 bits for any sentence under 65,536 tokens: half the memory of 32.
  const size = (reference.length + 1) * cols;
  const table = Math.min(reference.length, cols - 1) < 0xffff ? new Uint16Array(size) : new Uint32Array(size);
  for (let i = 1; i <= reference.length; i++) {
    const ri = reference[i - 1];
    for (let j = 1; j <= candidate.length; j++) {
      table[i * cols + j] =
        ri === candidate[j - 1] ? table[(i - 1) * cols + j - 1] + 1 : Math.max(table[(i - 1) * cols + j], table[i * cols + j - 1]);
    }
  }
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      into.add(i - 1);
      i--;
      j--;
    } else if (table[(i - 1) * cols + j] >= table[i * cols + j - 1]) {
      i--;
    } else {
      j--;
    }
  }
}

/**
 * Summary-level union-LCS hits (Lin 2004, ROUGE-L): for each reference sentence, the union of its
 * LCS positions with every candidate sentence; each hit is clipped so that a token is matched no
 * more often than it occurs in either summary.
 */
export function unionLcsHits(referenceSentences: readonly (readonly string[])[], candidateSentences: readonly (readonly string[])[]): number {
  const refLeft = new Map<string, number>();
  const candLeft = new Map<string, number>();
  for (const s of referenceSentences) for (const t of s) refLeft.set(t, (refLeft.get(t) ?? 0) + 1);
  for (const s of candidateSentences) for (const t of s) candLeft.set(t, (candLeft.get(t) ?? 0) + 1);
  let hits = 0;
  for (const refSentence of referenceSentences) {
    const union = new Set<number>();
    for (const candSentence of candidateSentences) lcsPositions(refSentence, candSentence, union);
    for (const pos of [...union].sort((a, b) => a - b)) {
      const t = refSentence[pos];
      const inRef = refLeft.get(t) ?? 0;
      const inCand = candLeft.get(t) ?? 0;
      if (inRef > 0 && inCand > 0) {
        hits++;
        refLeft.set(t, inRef - 1);
        candLeft.set(t, inCand - 1);
      }
    }
  }
  return hits;
}
