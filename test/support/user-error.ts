import { expect } from 'vitest';
import { UserError } from '../../core/errors.js';

/** The message of the UserError that `run` throws; fails the test if it throws anything else. */
export function userErrorOf(run: () => unknown): string {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UserError);
  return (caught as Error).message;
}
