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

type Redirect = 'out' | 'dup' | 'in' | 'heredoc' | null;

interface Heredoc {
  readonly end: string;
  readonly tabs: boolean;
}

/** The reading so far: the finished commands, and the command, word and redirection being read. */
class LineReader {
  readonly commands: SimpleCommand[] = [];
  substitution = false;
  words: string[] = [];
  word: string | null = null;
  writesFile = false;
  inputGiven = false;
  redirect: Redirect = null;
  readonly heredocs: Heredoc[] = [];
  heredocTabs = false;

  constructor(readonly text: string) {}

  add(chars: string): void {
    this.word = (this.word ?? '') + chars;
  }

  /** A word is done: an argument, or the target of the redirection before it. */
  endWord(): void {
    const word = this.word;
    if (word === null) return;
    if (this.redirect === 'out') this.writesFile ||= !HARMLESS_TARGETS.has(word);
    else if (this.redirect === 'dup') this.writesFile ||= !/^(\d+|-)$/.test(word) && !HARMLESS_TARGETS.has(word);
    else if (this.redirect === 'heredoc') this.heredocs.push({ end: word, tabs: this.heredocTabs });
    else if (this.redirect === null) this.words.push(word);
    this.redirect = null;
    this.word = null;
  }

  /** A simple command is done; `piped` says the next one reads its output. */
  endCommand(background: boolean, piped: boolean): void {
    this.endWord();
    if (this.words.length > 0 || this.writesFile) this.commands.push({ words: this.words, writesFile: this.writesFile, inputGiven: this.inputGiven, background });
    this.words = [];
    this.writesFile = false;
    this.inputGiven = piped;
  }
}

/** One state of the reader per special character: reads from `i` and returns the last index it used. */
type Step = (r: LineReader, i: number) => number;

const escaped: Step = (r, i) => {
  const next = r.text[i + 1];
  if (next === '\n') return i + 1;
  if (next === undefined) return i;
  r.add(next);
  return i + 1;
};

const singleQuoted: Step = (r, i) => {
  const end = r.text.indexOf("'", i + 1);
  r.add(r.text.slice(i + 1, end < 0 ? r.text.length : end));
  return end < 0 ? r.text.length : end;
};

const doubleQuoted: Step = (r, i) => {
  const text = r.text;
  let j = i + 1;
  let inner = '';
  for (; j < text.length && text[j] !== '"'; j++) {
    if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1]!)) inner += text[++j];
    else {
      if ((text[j] === '$' && text[j + 1] === '(') || text[j] === '`') r.substitution = true;
      inner += text[j];
    }
  }
  r.add(inner);
  return j;
};

/** `$(...)` or backquotes: kept as one word, and flagged. */
const substituted: Step = (r, i) => {
  const ch = r.text[i];
  if (ch === '$' && r.text[i + 1] !== '(') return literal(r, i);
  r.substitution = true;
  const close = ch === '`' ? r.text.indexOf('`', i + 1) : matchingParen(r.text, i + 1);
  r.add(r.text.slice(i, close < 0 ? r.text.length : close + 1));
  return close < 0 ? r.text.length : close;
};

const comment: Step = (r, i) => {
  if (r.word !== null) return literal(r, i);
  let j = i;
  while (j + 1 < r.text.length && r.text[j + 1] !== '\n') j++;
  return j;
};

const blank: Step = (r, i) => {
  r.endWord();
  return i;
};

const newline: Step = (r, i) => {
  r.endCommand(false, false);
  return skipHeredocs(r.text, i + 1, r.heredocs.splice(0)) - 1;
};

const separator: Step = (r, i) => {
  r.endCommand(false, false);
  return r.text[i] === ';' && r.text[i + 1] === ';' ? i + 1 : i;
};

/** `|`, `||` and `|&`: only a pipe gives the next command its input. */
const pipe: Step = (r, i) => {
  const next = r.text[i + 1];
  const or = next === '|';
  r.endCommand(false, !or);
  return or || next === '&' ? i + 1 : i;
};

/** `&&`, `&>`, `&>>`, or a command sent to the background. */
const ampersand: Step = (r, i) => {
  const next = r.text[i + 1];
  if (next === '&') {
    r.endCommand(false, false);
    return i + 1;
  }
  if (next !== '>') {
    r.endCommand(true, false);
    return i;
  }
  r.endWord();
  r.redirect = 'out';
  return i + (r.text[i + 2] === '>' ? 2 : 1);
};

/** `>`, `>>`, `>|` and `>&`; a descriptor number before it is not a word. */
const output: Step = (r, i) => {
  startRedirect(r);
  const next = r.text[i + 1];
  if (next === '&') {
    r.redirect = 'dup';
    return i + 1;
  }
  r.redirect = 'out';
  return next === '>' || next === '|' ? i + 1 : i;
};

/** `<`, `<<<`, `<<` and `<<-` (a here-document), `<&` and `<>`. */
const input: Step = (r, i) => {
  startRedirect(r);
  const next = r.text[i + 1];
  let last = i;
  if (next === '<' && r.text[i + 2] === '<') (r.redirect = 'in'), (last = i + 2);
  else if (next === '<') {
    r.redirect = 'heredoc';
    r.heredocTabs = r.text[i + 2] === '-';
    last = i + (r.heredocTabs ? 2 : 1);
  } else {
    r.redirect = next === '&' ? 'dup' : 'in';
    if (next === '&' || next === '>') last = i + 1;
  }
  if (r.redirect !== 'dup') r.inputGiven = true;
  return last;
};

function startRedirect(r: LineReader): void {
  if (r.word !== null && /^\d+$/.test(r.word)) r.word = null;
  r.endWord();
}

const literal: Step = (r, i) => {
  r.add(r.text[i]!);
  return i;
};

const STEPS: Readonly<Record<string, Step>> = {
  '\\': escaped,
  "'": singleQuoted,
  '"': doubleQuoted,
  $: substituted,
  '`': substituted,
  '#': comment,
  ' ': blank,
  '\t': blank,
  '\n': newline,
  ';': separator,
  '(': separator,
  ')': separator,
  '|': pipe,
  '&': ampersand,
  '>': output,
  '<': input,
};

export function readCommandLine(text: string): CommandLine {
  const reader = new LineReader(text);
  for (let i = 0; i < text.length; i++) i = (STEPS[text[i]!] ?? literal)(reader, i);
  reader.endCommand(false, false);
  return { commands: reader.commands, substitution: reader.substitution };
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
