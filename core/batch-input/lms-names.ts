/**
 * File names the LMSs write into their "download all submissions" zips.
 *
 * Canvas (ContentZipper): `<lastfirst>[_late]_<user id>_<attachment id>_<file name>`, the whole prefix lower-cased and
 * stripped to word characters, e.g. `smithjane_late_12345_67890_host-a.sh`; text and URL entries are
 * `<lastfirst>_<user id>_text.html` / `_link.html`. Canvas renames a repeated file name `host-a-1.sh`.
 *
 * Canvas with anonymous grading writes `anon_<anonymous id>[_late]_<attachment id>_<file name>` (and `anon_<id>_text.html`):
 * the learner is `anon_<anonymous id>`, which no roster column holds, so gradebooks list it instead of guessing.
 *
 * Moodle (mod/assign download_submissions): `<Full Name>_<participant id>_assignsubmission_<plugin>_` then the file name,
 * or, with "Download submissions in folders" (the default since 3.1), a folder of that name holding the files.
 */
export interface LmsName {
  readonly lms: 'canvas' | 'moodle';
  /** The Canvas user id or the Moodle participant id. */
  readonly learner: string;
  readonly displayName: string;
  /** The learner's own file name; '' for a Moodle per-learner folder. */
  readonly fileName: string;
}

const CANVAS_UPLOAD = /^([\p{L}\p{N}_]+?)_(?:late_)?(\d+)_\d+_(.+)$/iu;
const CANVAS_ONLINE = /^([\p{L}\p{N}_]+?)_(?:late_)?(\d+)_(text\.html|link\.html)$/iu;
const CANVAS_ANONYMOUS = /^anon_([A-Za-z0-9]+)_(?:late_)?(?:\d+_)?(.+)$/u;
const MOODLE = /^(.+)_(\d+)_assignsubmission_([a-z0-9]+)_(.*)$/;

/** What an LMS name says about its learner and file, or null when the name is not one an LMS writes. */
export function parseLmsName(name: string, isFolder: boolean): LmsName | null {
  const moodle = MOODLE.exec(name);
  if (moodle) {
    const [, displayName = '', learner = '', , fileName = ''] = moodle;
    if (isFolder !== (fileName === '')) return null;
    return { lms: 'moodle', learner, displayName, fileName };
  }
  if (isFolder) return null;
  const anonymous = CANVAS_ANONYMOUS.exec(name);
  if (anonymous) return { lms: 'canvas', learner: `anon_${anonymous[1]}`, displayName: `Anonymous ${anonymous[1]}`, fileName: anonymous[2] ?? '' };
  const canvas = CANVAS_UPLOAD.exec(name) ?? CANVAS_ONLINE.exec(name);
  if (!canvas) return null;
  const [, displayName = '', learner = '', fileName = ''] = canvas;
  return { lms: 'canvas', learner, displayName, fileName };
}

/** Canvas's `host-a-1.sh` back to `host-a.sh` when only the latter is a node file name (a node may itself be `host-1`). */
export function withoutCanvasCopySuffix(fileName: string, nodeFileNames: ReadonlySet<string>): string {
  if (nodeFileNames.has(fileName)) return fileName;
  const original = fileName.replace(/-\d+(\.sh)$/, '$1');
  return nodeFileNames.has(original) ? original : fileName;
}
