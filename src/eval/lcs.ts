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
