/** Words for `sim: words N`; a few are multi-byte so long outputs exercise UTF-8 handling. */
const vocabulary = [
  'the', 'gateway', 'streams', 'tokens', 'quickly', 'and', 'each', 'frame', 'carries', 'a',
  'small', 'piece', 'of', 'text', 'café', 'naïve', 'über', 'data', '日本語', 'テスト',
  'emoji', '🚀', 'résumé', 'pool', 'account', 'request', 'with', 'tools', 'über-cool', 'Ωmega',
]; // prettier-ignore

/** `count` deterministic words in sentences of twelve, ending with a period. */
export function fillerText(count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let word = vocabulary[(i * 7 + Math.floor(i / 30)) % vocabulary.length] ?? 'word';
    if (i % 12 === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    const endOfSentence = i % 12 === 11 || i === count - 1;
    words.push(endOfSentence ? `${word}.` : word);
  }
  return words.join(' ');
}
