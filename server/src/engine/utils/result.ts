// The engine's one convention for an operation that can fail for a reason the user must hear (a schema
// that does not compile, an amount without an exchange rate, a rename that is refused, a ruleset that
// cannot be read): it returns a `Result`, never throws. The reason is a plain-language fragment the
// caller puts into a finding, an LSP error or a CLI message. `undefined` means only "nothing there"
// (no value at a path, no date in a text), never "failed". A throw is a bug in Charter; it is caught
// at one boundary per entry point: `guarded()` for rules (internal/rule-failed), the server's request
// guard, the CLI's main. docs/ARCHITECTURE.md says the same for newcomers.

/** The fields of a success, or why there is none. */
export type Result<T extends object> = ({ ok: true } & T) | Failure;

export interface Failure {
  ok: false;
  /** Why, in words the user can act on: "the policy has no exchange rate from GBP to EUR". */
  reason: string;
}

export function succeed<T extends object>(value: T): { ok: true } & T {
  return { ok: true, ...value };
}

export function fail(reason: string): Failure {
  return { ok: false, reason };
}
