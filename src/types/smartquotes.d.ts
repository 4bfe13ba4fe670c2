// smartquotes ships no type declarations; this covers the one function we use.
declare module 'smartquotes' {
  const smartquotes: {
    /** Returns the string with straight quotes replaced by typographic ones. */
    string(text: string): string;
  };
  export default smartquotes;
}
