import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { UserError } from '../core/errors.js';
import { addOutputOptions, fileOutputs } from './output-option.js';

/** Parse argv as a command with the shared output options would. */
function optionsOf(argv: readonly string[]): { reporter?: string[]; junit?: string } {
  const command = addOutputOptions(new Command('x').exitOverride(), 'the checks');
  command.parse(['node', 'x', ...argv]);
  return command.opts();
}

describe('--reporter name=path and its alias --junit FILE', () => {
  test('every --reporter is kept in order, and --junit FILE is junit=FILE', () => {
    expect(fileOutputs(optionsOf(['--reporter', 'junit=a.xml', '--reporter', 'junit=dir/b=c.xml', '--junit', 'd.xml']))).toEqual([
      { format: 'junit', path: 'a.xml' },
      { format: 'junit', path: 'dir/b=c.xml' },
      { format: 'junit', path: 'd.xml' },
    ]);
    expect(fileOutputs(optionsOf([]))).toEqual([]);
  });

  test('an unknown format or a missing path is one sentence that says what to type', () => {
    expect(() => fileOutputs({ reporter: ['tap=out.tap'] })).toThrow(new UserError('--reporter tap=out.tap: "tap" is not a format grade writes to a file; use junit=<path>.'));
    expect(() => fileOutputs({ reporter: ['junit'] })).toThrow(UserError);
    expect(() => fileOutputs({ reporter: ['junit='] })).toThrow(/say where the file goes, as junit=<path>/);
  });

  test('the help names both, and says --junit is the alias', () => {
    const help = addOutputOptions(new Command('x'), 'the checks').helpInformation().replace(/\s+/g, ' ');
    expect(help).toMatch(/--reporter <name=path>.*junit/);
    expect(help).toMatch(/--junit <file>.*the same as --reporter junit=<file>/);
  });
});
