// One output option for every command that grades: `--reporter name=path` (vitest's shape), repeatable,
// and `--junit FILE`, kept as its alias because users and CI scripts already type it.
import type { Command } from 'commander';
import { UserError } from '../core/errors.js';
import { isFileFormat, knownFileFormats, type FileFormat } from '../reports/file-formats.js';

export interface FileOutput {
  readonly format: FileFormat;
  readonly path: string;
}

/** The options as commander hands them over. */
export interface OutputOptions {
  readonly reporter?: readonly string[];
  readonly junit?: string;
}

/** Adds `--reporter name=path` and its alias `--junit FILE`; `what` says what the JUnit file holds. */
export function addOutputOptions(command: Command, what: string): Command {
  return command
    .option('--reporter <name=path>', `also write a file in a format: ${knownFileFormats.join(', ')} (repeatable), e.g. --reporter junit=results.xml`, collect)
    .option('--junit <file>', `also write ${what} as JUnit XML (the same as --reporter junit=<file>)`);
}

function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The files asked for, each checked; throws a UserError naming the known formats otherwise. */
export function fileOutputs(options: OutputOptions): FileOutput[] {
  const asked = (options.reporter ?? []).map(parseReporter);
  return options.junit ? [...asked, { format: 'junit', path: options.junit }] : asked;
}

function parseReporter(value: string): FileOutput {
  const at = value.indexOf('=');
  const name = at < 0 ? value : value.slice(0, at);
  const path = at < 0 ? '' : value.slice(at + 1);
  if (!isFileFormat(name)) {
    throw new UserError(`--reporter ${value}: "${name}" is not a format grade writes to a file; use ${knownFileFormats.map((f) => `${f}=<path>`).join(' or ')}.`);
  }
  if (path === '') throw new UserError(`--reporter ${value}: say where the file goes, as ${name}=<path>, e.g. --reporter ${name}=results.xml.`);
  return { format: name, path };
}
