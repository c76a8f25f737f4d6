// The names `--reporter name=path` accepts, apart from their renderers (reports/file-reporters.ts), so
// that the CLI can list them in its help without loading any renderer.
export const knownFileFormats = ['junit'] as const;

export type FileFormat = (typeof knownFileFormats)[number];

export function isFileFormat(name: string): name is FileFormat {
  return (knownFileFormats as readonly string[]).includes(name);
}
