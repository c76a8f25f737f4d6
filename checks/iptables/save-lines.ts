// Split iptables-save text the way iptables-restore reads it: only double quotes group, and inside
// them a backslash escapes the next character. A quoted value may hold a newline (a learner's
// `--comment`), so lines are cut only at newlines outside quotes: no quoted text can start a rule.

export interface Token { readonly text: string; readonly quoted: boolean }

export interface SaveLine {
  /** 1-based line of the text where this logical line starts. */
  readonly lineNumber: number;
  readonly text: string;
}

export interface SaveLines {
  readonly lines: readonly SaveLine[];
  /** The text ended inside a quoted value. */
  readonly unterminatedQuote: boolean;
}

/** Logical lines: newlines inside double quotes stay in their line. */
export function splitSaveLines(text: string): SaveLines {
  const lines: SaveLine[] = [];
  let start = 0;
  let startLine = 1;
  let lineNumber = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      if (!quoted) {
        lines.push({ lineNumber: startLine, text: text.slice(start, i).replace(/\r$/, '') });
        start = i + 1;
        startLine = lineNumber + 1;
      }
      lineNumber++;
    }
  }
  if (start < text.length) lines.push({ lineNumber: startLine, text: text.slice(start).replace(/\r$/, '') });
  return { lines, unterminatedQuote: quoted };
}

/** Words of one logical line, as iptables-restore splits them (add_param_to_argv). */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let quotedToken = false;
  let inToken = false;
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === '\\' && i + 1 < line.length) text += line[++i] ?? '';
      else if (ch === '"') quote = false;
      else text += ch;
    } else if (ch === '"') {
      quote = true;
      quotedToken = true;
      inToken = true;
    } else if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      if (inToken) tokens.push({ text, quoted: quotedToken });
      text = '';
      quotedToken = false;
      inToken = false;
    } else {
      text += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push({ text, quoted: quotedToken });
  return tokens;
}
