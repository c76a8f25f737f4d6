// Every container and network grade makes carries these labels, so leftovers can always be found.

export const LABEL = {
  lab: 'dev.grade.lab',
  exercise: 'dev.grade.exercise',
  ownerPid: 'dev.grade.owner-pid',
  ownerHost: 'dev.grade.owner-host',
  /** "true" on labs that `grade start` leaves running for a learner; the reaper spares them. */
  keep: 'dev.grade.keep',
  /** The run's token, so a later `grade ex01` can check a lab that `grade start` made. */
  token: 'dev.grade.token',
  /** The variant (`--variant`) a lab was made for; absent for the lesson's own values. */
  variant: 'dev.grade.variant',
  /** `GRADE_SCOPE` of the process that made the lab (absent: the default scope); see lab-scope.ts. */
  scope: 'dev.grade.scope',
  /** The state folder of the `grade serve` that made the lab; a lab it claims there outlives a crash of it (lab-claims.ts). */
  serveState: 'dev.grade.serve-state',
} as const;
