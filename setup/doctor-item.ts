// One line of `grade doctor`: the type the checks of setup/ share, below all of them so imports run one way.

export interface DoctorItem {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The command that fixes it. */
  readonly fix?: string;
}
