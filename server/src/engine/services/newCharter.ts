// A new charter ("Charter: New Charter" in the editor, `charter new` on the command line): a skeleton charter with every required field. What only the user can know
// (sponsor, manager, budget, dates) is left as a `<placeholder>` that the checks point at.

const PROJECT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function validateProjectId(id: string): string | undefined {
  if (!id) return 'Give the project an id, e.g. fin-invoice-automation.';
  return PROJECT_ID_PATTERN.test(id) ? undefined : 'Use lower-case letters, digits and single hyphens, e.g. fin-invoice-automation.';
}

/** The skeleton. `today` is `YYYY-MM-DD`: the schedule starts then and runs for a year by default. */
export function charterSkeleton(args: { id: string; title: string; programme?: string }, today: string): string {
  const end = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
  const lines = [
    'apiVersion: charter/v1',
    'kind: Project',
    `id: ${args.id}`,
    `title: ${yamlString(args.title)}`,
    'summary: <what changes, for whom, in one sentence>',
    'status: proposed',
    'phase: initiation',
    ...(args.programme ? [`programme: ${args.programme}`] : []),
    'sponsor: <sponsor>',
    'manager: <manager>',
    'purpose: <why this project, and what it costs not to do it>',
    'objectives:',
    '  - id: obj-1',
    '    statement: <what will be better>',
    '    metric: <how it is measured>',
    '    baseline: <where it stands today>',
    '    target: <where it should be>',
    `    targetDate: ${end}`,
    'scope:',
    '  in: []',
    '  out: []',
    'schedule:',
    `  start: ${today}`,
    `  end: ${end}`,
    'milestones: []',
    'budget:',
    '  currency: EUR',
    '  approved: <approved amount>',
    'risks: []',
    'dependencies: []',
    '',
  ];
  return lines.join('\n');
}

/**
 * The skeleton with a `<placeholder>` for each top-level key a PMO schema requires and the skeleton
 * lacks (a `costCentre`), so that in a PMO workspace too its only findings are on its placeholders.
 */
export function withRequiredPlaceholders(skeleton: string, missing: string[]): string {
  if (missing.length === 0) return skeleton;
  const lines = missing.map((key) => `${/^[A-Za-z_][\w.-]*$/.test(key) ? key : JSON.stringify(key)}: <${key.replace(/[<>]/g, '')}>`);
  return `${skeleton.replace(/\n*$/, '\n')}${lines.join('\n')}\n`;
}

/** `fin-invoice-automation` -> `Fin invoice automation`: a first title until the author writes a better one. */
export function titleFromId(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function yamlString(text: string): string {
  return /^[\w][\w .,()/'-]*$/.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text);
}
