// A small reading of a bash command line: its simple commands, their words and redirections. Enough
// to tell what a typed command does (core/classify-command.ts), not a full bash parser: quotes,
// escapes, operators, comments and here-document bodies are understood; a command substitution or
// anything unusual is flagged, so the caller can stay on the safe side.

export interface SimpleCommand {
  readonly words: readonly string[];
  /** Output goes to a file (`> f`, `>> f`, `&> f`), not to /dev/null or another descriptor. */
  readonly writesFile: boolean;
  /** Its standard input is given on the line: `<`, a here-document or here-string, or a pipe. */
  readonly inputGiven: boolean;
  /** Ended with `&`: left running in the background. */
  readonly background: boolean;
}

export interface CommandLine {
  readonly commands: readonly SimpleCommand[];
  /** It holds `$(...)` or backquotes: commands this reading does not look into. */
  readonly substitution: boolean;
}

const HARMLESS_TARGETS = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);

export function readCommandLine(text: string): CommandLine {
  const commands: SimpleCommand[] = [];
  let substitution = false;
  let words: string[] = [];
  let word: string | null = null;
  let writesFile = false;
  let inputGiven = false;
  let redirect: 'out' | 'dup' | 'in' | 'heredoc' | null = null;
  const heredocs: { end: string; tabs: boolean }[] = [];
  let heredocTabs = false;

  const endWord = () => {
    if (word === null) return;
    if (redirect === 'out') writesFile ||= !HARMLESS_TARGETS.has(word);
    else if (redirect === 'dup') writesFile ||= !/^(\d+|-)$/.test(word) && !HARMLESS_TARGETS.has(word);
    else if (redirect === 'heredoc') heredocs.push({ end: word, tabs: heredocTabs });
    else if (redirect === null) words.push(word);
    redirect = null;
    word = null;
  };
  const endCommand = (background: boolean, piped: boolean) => {
    endWord();
    if (words.length > 0 || writesFile) commands.push({ words, writesFile, inputGiven, background });
    words = [];
    writesFile = false;
    inputGiven = piped;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '\\') {
      if (next === '\n') i++;
      else if (next !== undefined) (word = (word ?? '') + next), i++;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    } else if (ch === '"') {
      let j = i + 1;
      let inner = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1]!)) inner += text[++j];
        else {
          if ((text[j] === '$' && text[j + 1] === '(') || text[j] === '`') substitution = true;
          inner += text[j];
        }
      }
      word = (word ?? '') + inner;
      i = j;
    } else if ((ch === '$' && next === '(') || ch === '`') {
      substitution = true;
      const close = ch === '`' ? text.indexOf('`', i + 1) : matchingParen(text, i + 1);
      word = (word ?? '') + text.slice(i, close < 0 ? text.length : close + 1);
      i = close < 0 ? text.length : close;
    } else if (ch === '#' && word === null) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === ' ' || ch === '\t') {
      endWord();
    } else if (ch === '\n') {
      endCommand(false, false);
      i = skipHeredocs(text, i + 1, heredocs.splice(0)) - 1;
    } else if (ch === ';' || ch === '(' || ch === ')') {
      endCommand(false, false);
      if (ch === ';' && next === ';') i++;
    } else if (ch === '|') {
      const or = next === '|';
      if (or || next === '&') i++;
      endCommand(false, !or);
    } else if (ch === '&' && next === '&') {
      endCommand(false, false);
      i++;
    } else if (ch === '&' && next === '>') {
      endWord();
      redirect = 'out';
      i += text[i + 2] === '>' ? 2 : 1;
    } else if (ch === '&') {
      endCommand(true, false);
    } else if (ch === '>' || ch === '<') {
      if (word !== null && /^\d+$/.test(word)) word = null;
      endWord();
      if (ch === '>') {
        if (next === '&') (redirect = 'dup'), i++;
        else {
          redirect = 'out';
          if (next === '>' || next === '|') i++;
        }
      } else if (next === '<' && text[i + 2] === '<') {
        redirect = 'in';
        i += 2;
      } else if (next === '<') {
        redirect = 'heredoc';
        heredocTabs = text[i + 2] === '-';
        i += heredocTabs ? 2 : 1;
      } else {
        redirect = next === '&' ? 'dup' : 'in';
        if (next === '&' || next === '>') i++;
      }
      if (redirect !== 'out' && redirect !== 'dup') inputGiven = true;
    } else {
      word = (word ?? '') + ch;
    }
  }
  endCommand(false, false);
  return { commands, substitution };
}

function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Past the bodies of the here-documents opened on the line that just ended. */
function skipHeredocs(text: string, at: number, heredocs: readonly { end: string; tabs: boolean }[]): number {
  let i = at;
  for (const doc of heredocs) {
    while (i < text.length) {
      const eol = text.indexOf('\n', i);
      const line = text.slice(i, eol < 0 ? text.length : eol);
      i = eol < 0 ? text.length : eol + 1;
      if ((doc.tabs ? line.replace(/^\t+/, '') : line) === doc.end) break;
    }
  }
  return i;
}
