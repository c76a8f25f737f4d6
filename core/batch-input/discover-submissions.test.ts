import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listTree, patchBytes, sandbox, tarOf, writeTree, zipOf, type Sandbox } from '../../test/support/batch-fixtures.js';
import type { BatchItem } from '../batch-entry.js';
import { UserError } from '../errors.js';
import type { SubmissionNode } from '../submission.js';
import { discoverSubmissions, NO_EXERCISE } from './index.js';

const EX01 = { id: 'ex01', nodes: [{ name: 'router', owner: 'lab' }, { name: 'host-a', owner: 'learner' }, { name: 'host-b', owner: 'learner' }] as SubmissionNode[] };
const EX03 = { id: 'ex03', nodes: [{ name: 'lan', owner: 'lab' }, { name: 'red', owner: 'learner' }, { name: 'blue', owner: 'learner' }] as SubmissionNode[] };
const SH = 'ip route add default via 192.168.1.1\n';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

function discover(only: string | null, at = box): Promise<BatchItem[]> {
  return discoverSubmissions({ folder: at.batch, exercises: only === 'ex01' ? [EX01] : [EX01, EX03], only, workDir: at.work });
}

/** Items reduced to what a test compares; `dir` relative to the sandbox, file names inside it listed. */
function brief(items: readonly BatchItem[], at = box) {
  return items.map((i) => ({
    learner: i.learner,
    ...(i.displayName === null ? {} : { displayName: i.displayName }),
    exercise: i.exercise,
    source: i.source,
    ...(i.dir === null ? { invalid: i.invalid } : { dir: i.dir.slice(at.root.length + 1), files: listTree(i.dir) }),
  }));
}

/** Every message is one sentence: no line breaks, nothing undefined, ends with a full stop. */
function expectSentences(items: readonly BatchItem[]): void {
  for (const item of items) if (item.invalid !== null) expect(item.invalid).toMatch(/^[^\n]*[^.]\.$/);
}

describe('a folder per learner', () => {
  test('the folder name is the learner; the folder is graded where it is', async () => {
    writeTree(box.batch, { 'bob/host-a.sh': SH, 'bob/host-b.sh': SH, 'alice/host-a.sh': SH, '.DS_Store': 'x', 'alice/.notes.swp': 'x' });
    expect(brief(await discover('ex01'))).toEqual([
      { learner: 'alice', exercise: 'ex01', source: 'alice', dir: 'batch/alice', files: ['.notes.swp', 'host-a.sh'] },
      { learner: 'bob', exercise: 'ex01', source: 'bob', dir: 'batch/bob', files: ['host-a.sh', 'host-b.sh'] },
    ]);
    expect(listTree(box.work)).toEqual([]);
  });
});

describe('a learner folder holding several exercises', () => {
  beforeEach(() => writeTree(box.batch, { 'alice/ex01/host-a.sh': SH, 'alice/ex03-bridge-masquerade/red.sh': SH, 'bob/host-a.sh': SH }));

  test('with one exercise asked for, its folder is taken and a folder of node files is that exercise', async () => {
    expect(brief(await discover('ex01'))).toEqual([
      { learner: 'alice', exercise: 'ex01', source: 'alice/ex01', dir: 'batch/alice/ex01', files: ['host-a.sh'] },
      { learner: 'bob', exercise: 'ex01', source: 'bob', dir: 'batch/bob', files: ['host-a.sh'] },
    ]);
    const ex03 = await discoverSubmissions({ folder: box.batch, exercises: [EX03], only: 'ex03', workDir: box.work });
    expect(brief(ex03)[0]).toEqual({ learner: 'alice', exercise: 'ex03', source: 'alice/ex03-bridge-masquerade', dir: 'batch/alice/ex03-bridge-masquerade', files: ['red.sh'] });
    expect(ex03[1]?.invalid).toBe('bob/host-a.sh is for a node "host-a" this exercise does not have; name files after its nodes: red.sh, blue.sh.');
  });

  test('with --all, every exercise found is an item, and node files outside an exercise folder are invalid', async () => {
    const items = await discover(null);
    expect(brief(items)).toEqual([
      { learner: 'alice', exercise: 'ex01', source: 'alice/ex01', dir: 'batch/alice/ex01', files: ['host-a.sh'] },
      { learner: 'alice', exercise: 'ex03', source: 'alice/ex03-bridge-masquerade', dir: 'batch/alice/ex03-bridge-masquerade', files: ['red.sh'] },
      {
        learner: 'bob',
        exercise: NO_EXERCISE,
        source: 'bob',
        invalid: "bob/host-a.sh is not in an exercise's folder; with --all, put each exercise's files in a folder named after it (ex01/host-a.sh).",
      },
    ]);
  });
});

describe('an archive per learner', () => {
  test('.zip, .tar.gz and .tgz: the name without extension is the learner, node files at the top or exercise folders', async () => {
    writeFileSync(join(box.batch, 'alice.zip'), await zipOf([{ name: 'host-a.sh', data: SH }, { name: 'host-b.sh', data: SH }]));
    writeFileSync(join(box.batch, 'bob.tar.gz'), await tarOf([{ name: 'ex01/host-a.sh', data: SH }, { name: 'ex03/blue.sh', data: SH }]));
    writeFileSync(join(box.batch, 'carol.tgz'), await tarOf([{ name: './ex01-default-gateway/host-b.sh', data: SH }]));
    const items = await discover(null);
    expect(brief(items)).toEqual([
      { learner: 'alice', exercise: NO_EXERCISE, source: 'alice.zip', invalid: expect.stringMatching(/^alice\.zip:host-a\.sh is not in an exercise's folder; with --all/) },
      { learner: 'bob', exercise: 'ex01', source: 'bob.tar.gz:ex01', dir: expect.stringMatching(/^deep\/er\/work\/\d+-bob\/ex01$/), files: ['host-a.sh'] },
      { learner: 'bob', exercise: 'ex03', source: 'bob.tar.gz:ex03', dir: expect.stringMatching(/^deep\/er\/work\/\d+-bob\/ex03$/), files: ['blue.sh'] },
      { learner: 'carol', exercise: 'ex01', source: 'carol.tgz:ex01-default-gateway', dir: expect.stringMatching(/^deep\/er\/work\/\d+-carol\/ex01-default-gateway$/), files: ['host-b.sh'] },
    ]);
    expect(listTree(box.work).filter((p) => p.includes('alice'))).toEqual([]);
    const one = await discover('ex01', { ...box, work: join(box.root, 'work2') });
    expect(brief(one).map((i) => i.source)).toEqual(['alice.zip', 'bob.tar.gz:ex01', 'carol.tgz:ex01-default-gateway']);
    expect(one.every((i) => i.invalid === null)).toBe(true);
    expect(readFileSync(join(one[0]!.dir!, 'host-a.sh'), 'utf8')).toBe(SH);
  });
});

describe("Canvas's download", () => {
  async function canvasFiles(): Promise<Record<string, string | Buffer>> {
    return {
      'smithjane_12345_67890_host-a.sh': SH,
      'smithjane_12345_67891_host-b-1.sh': SH,
      'doejohn_late_9_500_host-a.sh': SH,
      'leeann_34567_89012_ex01.zip': await zipOf([{ name: 'host-b.sh', data: SH }]),
      'kimbo_777_text.html': '<p>hi</p>',
    };
  }

  test('flat files grouped per Canvas user id, the copy suffix dropped, an uploaded archive unpacked', async () => {
    writeTree(box.batch, await canvasFiles());
    const items = await discover('ex01');
    expect(brief(items)).toEqual([
      { learner: '9', displayName: 'doejohn', exercise: 'ex01', source: 'doejohn_late_9_500_host-a.sh', dir: expect.stringMatching(/^deep\/er\/work\/\d+-9$/), files: ['host-a.sh'] },
      { learner: '777', displayName: 'kimbo', exercise: 'ex01', source: 'kimbo_777_text.html', invalid: 'kimbo_777_text.html is an online-text submission, typed into the LMS, and grade grades only uploaded files: ask the learner to upload one file per node (host-a.sh, host-b.sh), and turn on file submissions for the assignment.' },
      { learner: '12345', displayName: 'smithjane', exercise: 'ex01', source: 'smithjane_12345_*', dir: expect.stringMatching(/^deep\/er\/work\/\d+-12345$/), files: ['host-a.sh', 'host-b.sh'] },
      { learner: '34567', displayName: 'leeann', exercise: 'ex01', source: 'leeann_34567_89012_ex01.zip', dir: expect.stringMatching(/^deep\/er\/work\/\d+-34567\/ex01$/), files: ['host-b.sh'] },
    ]);
    expect(listTree(box.work).some((p) => p.includes('777'))).toBe(false);
  });

  test('the submissions.zip itself, placed alone in the batch folder, gives the same learners', async () => {
    const files = await canvasFiles();
    writeFileSync(join(box.batch, 'submissions.zip'), await zipOf(Object.entries(files).map(([name, data]) => ({ name, data }))));
    const items = await discover('ex01');
    expect(items.map((i) => [i.learner, i.source, i.invalid === null])).toEqual([
      ['9', 'submissions.zip:doejohn_late_9_500_host-a.sh', true],
      ['777', 'submissions.zip:kimbo_777_text.html', false],
      ['12345', 'submissions.zip:smithjane_12345_*', true],
      ['34567', 'submissions.zip:leeann_34567_89012_ex01.zip', true],
    ]);
  });

  test('an archive named after its exercise is that exercise, even with --all, and a zipped exercise folder is unwrapped', async () => {
    writeTree(box.batch, {
      'leeann_34567_89012_ex01.zip': await zipOf([{ name: 'host-b.sh', data: SH }]),
      'kimbo_777_1_ex03.zip': await zipOf([{ name: 'ex03-bridge-masquerade/red.sh', data: SH }, { name: 'ex03-bridge-masquerade/lan.sh', data: SH }]),
      'kimbo_777_2_ex01.zip': await zipOf([{ name: 'ex01/host-a.sh', data: SH }]),
    });
    expect(brief(await discover(null))).toEqual([
      { learner: '777', displayName: 'kimbo', exercise: 'ex01', source: 'kimbo_777_2_ex01.zip:ex01', dir: expect.stringMatching(/^deep\/er\/work\/\d+-777\/ex01$/), files: ['host-a.sh'] },
      {
        learner: '777',
        displayName: 'kimbo',
        exercise: 'ex03',
        source: 'kimbo_777_1_ex03.zip:ex03-bridge-masquerade',
        invalid: 'kimbo_777_1_ex03.zip:ex03-bridge-masquerade/lan.sh is for lan, which the lab runs and the learner does not configure; submit files only for red.sh, blue.sh.',
      },
      { learner: '34567', displayName: 'leeann', exercise: 'ex01', source: 'leeann_34567_89012_ex01.zip', dir: expect.stringMatching(/^deep\/er\/work\/\d+-34567\/ex01$/), files: ['host-b.sh'] },
    ]);
  });

  test('a file and its Canvas copy are two files for one node', async () => {
    writeTree(box.batch, { 'smithjane_12345_1_host-a.sh': SH, 'smithjane_12345_2_host-a-1.sh': SH });
    expect((await discover('ex01'))[0]?.invalid).toBe('smithjane_12345_1_host-a.sh and smithjane_12345_2_host-a-1.sh both give the submission its host-a.sh; keep one.');
    expect(listTree(box.work)).toEqual([]);
  });

  test('an uploaded archive beside other files must be named after its exercise', async () => {
    writeTree(box.batch, { 'smithjane_12345_1_host-a.sh': SH, 'smithjane_12345_2_work.zip': await zipOf([{ name: 'host-b.sh', data: SH }]) });
    expect((await discover('ex01'))[0]?.invalid).toBe(
      'smithjane_12345_2_work.zip is an archive beside other files; submit it alone, or name it after its exercise (ex01.zip) so its files go to that exercise.',
    );
    expect(listTree(box.work)).toEqual([]);
  });
});

describe("Moodle's download", () => {
  test('a folder per learner and plugin, or flat files: the participant id is the learner, the full name the display name', async () => {
    writeTree(box.batch, {
      'Jane Smith_123456_assignsubmission_file_/host-a.sh': SH,
      'Jane Smith_123456_assignsubmission_file_/ex03/red.sh': SH,
      'John Doe_234567_assignsubmission_file_host-a.sh': SH,
      'John Doe_234567_assignsubmission_file_host-b.sh': SH,
      'Ann Lee_345678_assignsubmission_file_/ex01.zip': await zipOf([{ name: 'host-b.sh', data: SH }]),
      'Ann Lee_345678_assignsubmission_onlinetext_/onlinetext.html': '<p>done</p>',
    });
    expect(brief(await discover('ex01'))).toEqual([
      { learner: '123456', displayName: 'Jane Smith', exercise: 'ex01', source: 'Jane Smith_123456_assignsubmission_file_', dir: 'batch/Jane Smith_123456_assignsubmission_file_', files: ['ex03/', 'ex03/red.sh', 'host-a.sh'] },
      { learner: '234567', displayName: 'John Doe', exercise: 'ex01', source: 'John Doe_234567_assignsubmission_file_*', dir: expect.stringMatching(/^deep\/er\/work\/\d+-234567$/), files: ['host-a.sh', 'host-b.sh'] },
      {
        learner: '345678',
        displayName: 'Ann Lee',
        exercise: 'ex01',
        source: 'Ann Lee_345678_assignsubmission_*',
        invalid: 'Ann Lee_345678_assignsubmission_onlinetext_/onlinetext.html is beside the exercise folders; put it inside the folder of its exercise.',
      },
    ]);
  });

  test('the download zip, with folders, alone in the batch folder', async () => {
    const zip = await zipOf([
      { name: 'Jane Smith_123456_assignsubmission_file_/host-a.sh', data: SH },
      { name: 'John Doe_234567_assignsubmission_file_/ex01.zip', data: await zipOf([{ name: 'host-b.sh', data: SH }]) },
    ]);
    writeFileSync(join(box.batch, 'NET101-Lab 1-42.zip'), zip);
    expect(brief(await discover('ex01'))).toEqual([
      { learner: '123456', displayName: 'Jane Smith', exercise: 'ex01', source: 'NET101-Lab 1-42.zip:Jane Smith_123456_assignsubmission_file_', dir: expect.stringMatching(/^deep\/er\/work\/\d+-download\/Jane Smith_123456_assignsubmission_file_$/), files: ['host-a.sh'] },
      { learner: '234567', displayName: 'John Doe', exercise: 'ex01', source: 'NET101-Lab 1-42.zip:John Doe_234567_assignsubmission_file_/ex01.zip', dir: expect.stringMatching(/^deep\/er\/work\/\d+-234567\/ex01$/), files: ['host-b.sh'] },
    ]);
  });
});

describe('GitHub Classroom repositories', () => {
  function repos(at: Sandbox): void {
    writeTree(at.batch, {
      'lab-1-alice/.git/HEAD': 'ref: refs/heads/main\n',
      'lab-1-alice/.github/workflows/classroom.yml': 'on: push\n',
      'lab-1-alice/README.md': '# Lab 1\n',
      'lab-1-alice/LICENSE': 'MIT\n',
      'lab-1-alice/host-a.sh': SH,
      'lab-1-bo-b/.git/HEAD': 'ref: refs/heads/main\n',
      'lab-1-bo-b/ex01/host-b.sh': SH,
      'lab-1-bo-b/ex01/README.md': 'notes\n',
    });
  }

  test('in gh classroom\'s <slug>-submissions folder: the user name after the slug is the learner; .git, .github, README and LICENSE are not the answer', async () => {
    const at = sandbox('lab-1-submissions');
    try {
      repos(at);
      expect(brief(await discover('ex01', at), at)).toEqual([
        { learner: 'alice', exercise: 'ex01', source: 'lab-1-alice', dir: 'lab-1-submissions/lab-1-alice', files: expect.arrayContaining(['host-a.sh', 'README.md']) },
        { learner: 'bo-b', exercise: 'ex01', source: 'lab-1-bo-b/ex01', dir: 'lab-1-submissions/lab-1-bo-b/ex01', files: ['README.md', 'host-b.sh'] },
      ]);
    } finally {
      at.remove();
    }
  });

  test('in any other folder, the prefix all repositories share', async () => {
    repos(box);
    expect((await discover('ex01')).map((i) => [i.learner, i.invalid])).toEqual([
      ['alice', null],
      ['bo-b', null],
    ]);
  });
});

describe('whatever cannot be graded is an invalid item, never skipped', () => {
  test('files for no node, for a lab node, not .sh, binary, too large; empty folders; a folder that is not an exercise', async () => {
    writeTree(box.batch, {
      'a-nonode/host-c.sh': SH,
      'b-labnode/router.sh': SH,
      'c-notsh/host-a.sh': SH,
      'c-notsh/notes.txt': 'x',
      'd-binary/host-a.sh': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
      'e-empty/': '',
      'f-nested/work/host-a.sh': SH,
      'g-big/host-a.sh': `# ${'x'.repeat(96 * 1024)}\n`,
      'h-dotonly/.DS_Store': 'x',
    });
    const items = await discover('ex01');
    expectSentences(items);
    expect(items.map((i) => [i.learner, i.invalid])).toEqual([
      ['a-nonode', 'a-nonode/host-c.sh is for a node "host-c" this exercise does not have; name files after its nodes: host-a.sh, host-b.sh.'],
      ['b-labnode', 'b-labnode/router.sh is for router, which the lab runs and the learner does not configure; submit files only for host-a.sh, host-b.sh.'],
      ['c-notsh', 'c-notsh/notes.txt is not a <node>.sh file; a submission holds only files named after the nodes you configure (host-a.sh, host-b.sh).'],
      ['d-binary', 'd-binary/host-a.sh is not a text file; write the commands as plain text.'],
      ['e-empty', 'e-empty is empty; expected the <node>.sh files of the nodes you configure (host-a.sh, host-b.sh).'],
      ['f-nested', "f-nested/work is a folder but not an exercise's; expected <node>.sh files, or folders named after exercises (ex01)."],
      ['g-big', `g-big/host-a.sh is ${96 * 1024 + 3} bytes; a node's commands must fit in 96 KiB.`],
      ['h-dotonly', 'h-dotonly is empty; expected the <node>.sh files of the nodes you configure (host-a.sh, host-b.sh).'],
    ]);
  });

  test('a zip with a wrapping folder says what it found and what was expected', async () => {
    writeFileSync(join(box.batch, 'alice.zip'), await zipOf([{ name: 'alice/host-a.sh', data: SH }]));
    expect((await discover('ex01'))[0]?.invalid).toBe("alice.zip:alice is a folder but not an exercise's; expected <node>.sh files, or folders named after exercises (ex01).");
    expect(listTree(box.work)).toEqual([]);
  });

  test('an archive that cannot be read, a stray file at the top, a link, and a folder and archive for one learner', async () => {
    writeTree(box.batch, { 'broken.zip': 'PK not really', 'notes.txt': 'remember', 'dave/host-a.sh': SH, 'dave.zip': await zipOf([{ name: 'host-b.sh', data: SH }]) });
    symlinkSync(join(box.batch, 'dave'), join(box.batch, 'eve'));
    const items = await discover('ex01');
    expectSentences(items);
    expect(items.map((i) => [i.learner, i.exercise, i.source, i.invalid])).toEqual([
      ['broken', 'ex01', 'broken.zip', expect.stringMatching(/^broken\.zip cannot be read as a zip archive \(.+\); upload it again, whole\.$/)],
      ['dave', 'ex01', 'dave, dave.zip', 'dave.zip is an archive beside other files; submit it alone, or name it after its exercise (ex01.zip) so its files go to that exercise.'],
      ['eve', 'ex01', 'eve', "eve is a symbolic link; put each learner's folder or archive itself in the batch folder."],
      ['notes.txt', 'ex01', 'notes.txt', "notes.txt is neither a learner's folder nor an archive (.zip, .tar.gz, .tgz); a batch folder holds one of those per learner, or an LMS's download of all submissions."],
    ]);
    expect(listTree(box.work)).toEqual([]);
  });

  test('a hidden .sh file is judged like any other, since grading would read it', async () => {
    writeTree(box.batch, { 'alice/host-a.sh': SH, 'alice/.setup.sh': SH });
    expect((await discover('ex01'))[0]?.invalid).toBe('alice/.setup.sh is for a node ".setup" this exercise does not have; name files after its nodes: host-a.sh, host-b.sh.');
  });

  test('a link inside a learner folder is refused, not followed', async () => {
    writeTree(box.batch, { 'alice/host-a.sh': SH });
    symlinkSync('/etc/passwd', join(box.batch, 'alice', 'host-b.sh'));
    expect((await discover('ex01'))[0]?.invalid).toBe('alice/host-b.sh is a symbolic link; a submission may hold only plain files and folders, so put the file itself there.');
  });
});

describe('hostile archives in a batch', () => {
  test('each is an invalid item; nothing is written outside the work folder and nothing is left in it', async () => {
    const outsideBefore = listTree(box.outside);
    const climb = patchBytes(await zipOf([{ name: 'xx/xx/xx/xx/outside/evil.sh', data: 'pwned\n' }]), 'xx/xx/xx/xx/outside/evil.sh', '../../../../outside/evil.sh');
    writeTree(box.batch, {
      'climb.zip': climb,
      'link.tgz': await tarOf([{ name: 'host-a.sh', type: 'symlink', linkname: '/etc/passwd' }]),
      'hard.tgz': await tarOf([{ name: 'host-a.sh', data: SH }, { name: 'host-b.sh', type: 'link', linkname: 'host-a.sh' }]),
      'bomb.zip': await zipOf([{ name: 'host-a.sh', data: Buffer.alloc(8 * 1024 * 1024) }]),
      'many.zip': await zipOf(Array.from({ length: 250 }, (_, i) => ({ name: `n${i}.sh`, data: SH }))),
      'nest.zip': await zipOf([{ name: 'ex01.zip', data: await zipOf([{ name: 'host-a.sh', data: SH }]) }]),
      'good.zip': await zipOf([{ name: 'host-a.sh', data: SH }]),
    });
    const items = await discover('ex01');
    expectSentences(items);
    expect(items.map((i) => [i.learner, i.invalid === null ? 'ok' : i.invalid.split(/; | \(/)[0]])).toEqual([
      ['bomb', 'bomb.zip unpacks to more than 1 MiB'],
      ['climb', 'climb.zip cannot be read as a zip archive'],
      ['good', 'ok'],
      ['hard', 'hard.tgz contains a hard link, host-b.sh'],
      ['link', 'link.tgz contains a symbolic link, host-a.sh'],
      ['many', 'many.zip has more than 200 entries'],
      ['nest', 'nest.zip contains another archive, ex01.zip'],
    ]);
    expect(listTree(box.outside)).toEqual(outsideBefore);
    expect(listTree(box.root).filter((p) => p.includes('evil'))).toEqual([]);
    expect(listTree(box.work)).toEqual(['3-good/', '3-good/host-a.sh']);
  });
});

describe('the batch folder itself', () => {
  test('not a folder, or nothing in it, is a usage mistake', async () => {
    await expect(discoverSubmissions({ folder: join(box.root, 'missing'), exercises: [EX01], only: 'ex01', workDir: box.work })).rejects.toThrow(UserError);
    writeTree(box.batch, { '.hidden': 'x' });
    await expect(discover('ex01')).rejects.toThrow(/has nothing to grade; put one folder or archive per learner in it\.$/);
  });

  test('learners sort with numbers in order, then by exercise', async () => {
    writeTree(box.batch, { '10/ex03/red.sh': SH, '10/ex01/host-a.sh': SH, '9/ex01/host-a.sh': SH, 'Bob/ex01/host-a.sh': SH, 'alice/ex01/host-a.sh': SH });
    expect((await discover(null)).map((i) => `${i.learner}/${i.exercise}`)).toEqual(['9/ex01', '10/ex01', '10/ex03', 'alice/ex01', 'Bob/ex01']);
  });
});

describe('Unicode learner names', () => {
  test('a decomposed (NFD) folder name is the same learner as the composed one, in NFC', async () => {
    const box = sandbox();
    try {
      writeTree(box.batch, { [`${'김민수'.normalize('NFD')}/host-a.sh`]: 'ip a\n', '이서연/host-a.sh': 'ip a\n' });
      const items = await discoverSubmissions({ folder: box.batch, exercises: [EX01], only: 'ex01', workDir: box.work });
      expect(items.map((i) => i.learner)).toEqual(['김민수', '이서연']);
      expect(items[0]!.learner).toBe('김민수'.normalize('NFC'));
    } finally {
      box.remove();
    }
  });
});
