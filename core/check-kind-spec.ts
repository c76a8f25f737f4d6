/** What the loader needs of a check kind to validate an exercise; checks/ implements it with a run method. */
export interface CheckKindSpec<P = Record<string, unknown>> {
  readonly name: string;
  readonly description?: string;
  /** JSON Schema of the check's own parameters (the fields beside id/title/kind/points/hint). */
  readonly schema: object;
  /** Node names the parameters refer to, so the loader can reject unknown nodes up front. */
  nodesOf(params: P): readonly string[];
}
