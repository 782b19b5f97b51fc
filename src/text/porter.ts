// Placeholder: replaced by the Porter stemmer (Martin Porter's reference rendering).
export function porterStem(word: string): string {
  return word;
}
