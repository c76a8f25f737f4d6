import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildContextTar } from './build-context.js';
import { debianSuiteOf } from './base-image.js';

describe('buildContextTar', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('packs exactly the listed files, which tar extracts with content and mode', () => {
    dir = mkdtempSync(join(tmpdir(), 'grade-ctx-'));
    const src = join(dir, 'src');
    mkdirSync(join(src, 'runner', 'image'), { recursive: true });
    writeFileSync(join(src, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(src, 'runner', 'image', 'init.sh'), '#!/bin/sh\n'.repeat(100));
    chmodSync(join(src, 'runner', 'image', 'init.sh'), 0o755);
    writeFileSync(join(src, 'secret'), 'not sent');
    const tarFile = join(dir, 'ctx.tar');
    writeFileSync(tarFile, buildContextTar(src, ['Dockerfile', 'runner/image/init.sh']));

    expect(execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).trim().split('\n')).toEqual(['Dockerfile', 'runner/image/init.sh']);
    const out = join(dir, 'out');
    mkdirSync(out);
    execFileSync('tar', ['-xf', tarFile, '-C', out]);
    expect(readFileSync(join(out, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    expect(readFileSync(join(out, 'runner/image/init.sh'), 'utf8')).toBe('#!/bin/sh\n'.repeat(100));
    expect(statSync(join(out, 'runner/image/init.sh')).mode & 0o777).toBe(0o755);
  });
});

describe('debianSuiteOf', () => {
  it('reads the suite of debian images only', () => {
    expect(debianSuiteOf('debian:bookworm-slim')).toBe('bookworm');
    expect(debianSuiteOf('library/debian:trixie')).toBe('trixie');
    expect(debianSuiteOf('ubuntu:24.04')).toBeUndefined();
  });
});
