/** Quote a string for bash so it stays one word, whatever it holds. */
export function shq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
