/** The module words-by-language.mts (a Vite plugin) builds from resources/*.ts. */
declare module 'virtual:console-words' {
  /** One language's words: namespace → its words in that language. */
  export type Words = Readonly<Record<string, Record<string, unknown>>>;
  /** The namespaces' names. */
  export const namespaceNames: readonly string[];
  /** Each language's words, loaded on demand (a chunk each). */
  export const wordsIn: Readonly<Record<string, () => Promise<{ readonly default: Words }>>>;
}
