/** Put the run's token into an expected text: `{{token}}` stands for it. */
export function withToken(text: string, token: string): string {
  return text.replace(/\{\{\s*token\s*\}\}/g, token);
}
