import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn's guess-count score: 0 (guessed at once) … 4 (very unlikely to be guessed). */
export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** Why the score is low, in plain words; empty when nothing stands out. */
  reasons: string[];
}

// zxcvbn's feedback comes as keys; these are the words the admin API and the UI show.
const warnings: Readonly<Record<string, string>> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a short keyboard pattern',
  simpleRepeat: 'it repeats a character ("aaa")',
  extendedRepeat: 'it repeats a group of characters ("abcabc")',
  sequences: 'it is a sequence ("abc", "6543")',
  recentYears: 'it contains a recent year',
  dates: 'it contains a date',
  topTen: 'it is one of the ten most used passwords',
  topHundred: 'it is one of the hundred most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a common password with small changes',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name',
  commonNames: 'it is a common name',
  userInputs: 'it contains the username',
  pwned: 'it appeared in a data breach',
};

const suggestions: Readonly<Record<string, string>> = {
  l33t: 'swapping letters for look-alike symbols ("@" for "a") does not help much',
  reverseWords: 'a word spelled backwards is easy to guess',
  allUppercase: 'capitals everywhere are as easy to guess as none',
  capitalization: 'a capital first letter does not help much',
  dates: 'dates are easy to guess',
  recentYears: 'recent years are easy to guess',
  associatedYears: 'years that belong to you are easy to guess',
  sequences: 'sequences are easy to guess',
  repeated: 'repeated words and characters are easy to guess',
  longerKeyboardPattern: 'keyboard patterns are easy to guess',
  anotherWord: 'add more words that are less common',
  useWords: 'use several words, without common phrases',
};

let estimator: ZxcvbnFactory | undefined;

/**
 * Estimates how hard a password is to guess with zxcvbn (dictionaries of common passwords, names and
 * words; keyboard patterns, repeats, sequences, dates, l33t). `userInputs` (the username) count as
 * guessable words.
 */
export function estimatePasswordStrength(
  password: string,
  userInputs: readonly string[] = [],
): PasswordStrength {
  // Built on first use: the dictionaries take a moment to load.
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const result = estimator.check(password, [...userInputs]);
  const { warning, suggestions: hints } = result.feedback;
  const reasons = [
    ...(warning === null ? [] : [warnings[warning] ?? warning]),
    ...hints.map((hint) => suggestions[hint] ?? hint),
  ];
  return { score: result.score, reasons };
}
