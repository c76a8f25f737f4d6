/** What `grade` exits with; documented in the README. */
export const EXIT = {
  pass: 0,
  fail: 1,
  usage: 2,
  infra: 3,
} as const;
