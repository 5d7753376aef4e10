// Rulesets that ship with Charter, named `builtin:<name>` in `charter.rulesets`.

/** `builtin:starter`: a few rules most PMOs start from; copy it and adapt it to your own. */
const STARTER = `apiVersion: charter/v1
kind: Ruleset
rules:
  - id: pmo/high-risk-response
    description: A high-impact risk has a response.
    message: "Risk {{project.id}} {{path}} has a high impact but no response: say how it will be handled."
    severity: warning
    given: $.risks[*]
    when:
      - field: impact
        function: enum
        options: { values: [high] }
    then:
      - field: response
        function: truthy
  - id: pmo/summary-present
    description: A charter has a one-line summary.
    message: "Add a summary: one sentence that says what {{project.title}} delivers."
    severity: info
    given: $.summary
    then:
      - function: truthy
`;

export const BUILTIN_RULESETS: ReadonlyMap<string, string> = new Map([['starter', STARTER]]);
