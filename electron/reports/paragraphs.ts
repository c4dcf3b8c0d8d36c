/** Trims each line, folds runs of blank lines into one, and drops blank space at both ends. */
export function paragraphsToText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface ExtractedArticle {
  title: string | null;
  text: string;
}
