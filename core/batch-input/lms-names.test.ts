import { describe, expect, test } from 'vitest';
import { classroomLearnerIds } from './classroom-names.js';
import { parseLmsName, withoutCanvasCopySuffix } from './lms-names.js';

describe('parseLmsName: Canvas', () => {
  test('lastfirst_userid_attachmentid_file: the user id is the learner, the name part the display name', () => {
    expect(parseLmsName('smithjane_12345_67890_host-a.sh', false)).toEqual({ lms: 'canvas', learner: '12345', displayName: 'smithjane', fileName: 'host-a.sh' });
  });

  test('late submissions carry _late_ (or _LATE_) before the user id', () => {
    expect(parseLmsName('smithjane_late_12345_67890_host-a.sh', false)).toMatchObject({ learner: '12345', displayName: 'smithjane', fileName: 'host-a.sh' });
    expect(parseLmsName('smithjane_LATE_12345_67890_ex01.zip', false)).toMatchObject({ learner: '12345', fileName: 'ex01.zip' });
  });

  test('underscores in the file name and in the name part are kept where they belong', () => {
    expect(parseLmsName('obrien_mary_555_777_my_notes.txt', false)).toMatchObject({ learner: '555', displayName: 'obrien_mary', fileName: 'my_notes.txt' });
  });

  test('text and URL entries', () => {
    expect(parseLmsName('smithjane_12345_text.html', false)).toMatchObject({ lms: 'canvas', learner: '12345', fileName: 'text.html' });
  });

  test('names no LMS writes are not taken for one', () => {
    for (const name of ['alice', 'alice.zip', 'notes.txt', 'host-a.sh', 'lab1-alice', 'smithjane_12345']) expect(parseLmsName(name, false)).toBeNull();
    expect(parseLmsName('smithjane_12345_67890_host-a.sh', true)).toBeNull();
  });
});

describe('parseLmsName: Moodle', () => {
  test('a per-learner folder (download submissions in folders)', () => {
    expect(parseLmsName('Jane Smith_123456_assignsubmission_file_', true)).toEqual({ lms: 'moodle', learner: '123456', displayName: 'Jane Smith', fileName: '' });
    expect(parseLmsName('Jane Smith_123456_assignsubmission_onlinetext_', true)).toMatchObject({ learner: '123456' });
  });

  test('flat files (folders switched off)', () => {
    expect(parseLmsName('Jane Smith_123456_assignsubmission_file_host-a.sh', false)).toEqual({ lms: 'moodle', learner: '123456', displayName: 'Jane Smith', fileName: 'host-a.sh' });
    expect(parseLmsName('Group A-Jane Smith_123456_assignsubmission_file_ex01.zip', false)).toMatchObject({ displayName: 'Group A-Jane Smith', fileName: 'ex01.zip' });
  });

  test('a folder name with a file part, or a file name without one, is not Moodle\'s', () => {
    expect(parseLmsName('Jane Smith_123456_assignsubmission_file_host-a.sh', true)).toBeNull();
    expect(parseLmsName('Jane Smith_123456_assignsubmission_file_', false)).toBeNull();
  });
});

describe('withoutCanvasCopySuffix', () => {
  const nodes = new Set(['host-a.sh', 'host-b.sh', 'node-1.sh']);
  test('host-a-1.sh is host-a.sh again; a node called node-1 keeps its name; other names are left alone', () => {
    expect(withoutCanvasCopySuffix('host-a-1.sh', nodes)).toBe('host-a.sh');
    expect(withoutCanvasCopySuffix('host-b-12.sh', nodes)).toBe('host-b.sh');
    expect(withoutCanvasCopySuffix('node-1.sh', nodes)).toBe('node-1.sh');
    expect(withoutCanvasCopySuffix('host-c-1.sh', nodes)).toBe('host-c-1.sh');
    expect(withoutCanvasCopySuffix('notes-1.txt', nodes)).toBe('notes-1.txt');
  });
});

describe('classroomLearnerIds', () => {
  test('gh classroom clone names the folder <slug>-submissions: the slug is the prefix, even for one repository', () => {
    expect(classroomLearnerIds(['lab-1-al-ice'], 'lab-1-submissions')).toEqual(new Map([['lab-1-al-ice', 'al-ice']]));
  });

  test('otherwise the longest common prefix that ends in "-"', () => {
    expect(classroomLearnerIds(['net-lab-alice', 'net-lab-bob', 'net-lab-bo-b2'], 'graded')).toEqual(
      new Map([
        ['net-lab-alice', 'alice'],
        ['net-lab-bob', 'bob'],
        ['net-lab-bo-b2', 'bo-b2'],
      ]),
    );
  });

  test('no shared prefix, a lone repository in an ordinary folder, or a repository named just the prefix: the whole name', () => {
    expect(classroomLearnerIds(['alice', 'bob'], 'x')).toEqual(new Map([['alice', 'alice'], ['bob', 'bob']]));
    expect(classroomLearnerIds(['lab-alice'], 'x')).toEqual(new Map([['lab-alice', 'lab-alice']]));
    expect(classroomLearnerIds(['lab-', 'lab-bob'], 'x').get('lab-')).toBe('lab-');
  });
});

describe('anonymous Canvas downloads', () => {
  test('reads anon_<id> names as one learner each, never as a user id', () => {
    expect(parseLmsName('anon_xY7kQ_48213_host-a.sh', false)).toEqual({ lms: 'canvas', learner: 'anon_xY7kQ', displayName: 'Anonymous xY7kQ', fileName: 'host-a.sh' });
    expect(parseLmsName('anon_xY7kQ_late_48213_host-b.sh', false)).toMatchObject({ learner: 'anon_xY7kQ', fileName: 'host-b.sh' });
    expect(parseLmsName('anon_12345_48213_host-a.sh', false)).toMatchObject({ learner: 'anon_12345', fileName: 'host-a.sh' });
    expect(parseLmsName('anon_xY7kQ_text.html', false)).toMatchObject({ learner: 'anon_xY7kQ', fileName: 'text.html' });
  });
});
