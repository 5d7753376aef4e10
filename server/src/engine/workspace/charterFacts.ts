// What the index remembers of a document: the ids, references, dates and amounts that whole-portfolio
// rules read, each with its range. Extracted once per parse; the YAML tree itself is not kept.
import { isDict, locatedDate, locatedMoney, locatedText, type CharterDocument } from '../model/charterReader';
import type {
  Allocation,
  Dependency,
  PeopleFacts,
  PersonReference,
  Phase,
  PortfolioFacts,
  ProgrammeFacts,
  ProjectFacts,
} from './indexTypes';

/** Every place a Project names a person, as `[list, field]` or `[field]`. */
const PROJECT_PERSON_FIELDS: ReadonlyArray<readonly [string, string] | readonly [string]> = [
  ['sponsor'],
  ['manager'],
  ['risks', 'owner'],
  ['stakeholders', 'person'],
  ['approvals', 'person'],
  ['allocations', 'person'],
  ['benefits', 'owner'],
  ['phaseLog', 'by'],
  ['waivers', 'approver'],
];

export function projectFacts(d: CharterDocument): ProjectFacts {
  const dependencies: Dependency[] = d.records(['dependencies']).flatMap(({ path }) => {
    const project = locatedText(d, [...path, 'project']);
    return project ? [{ project, milestone: locatedText(d, [...path, 'milestone']), neededBy: locatedDate(d, [...path, 'neededBy']) }] : [];
  });
  const allocations: Allocation[] = d.records(['allocations']).flatMap(({ path }) => {
    const person = locatedText(d, [...path, 'person']);
    if (!person) return [];
    const percent = d.number([...path, 'percent']);
    return [
      {
        person,
        percent: percent === undefined ? undefined : { value: percent, range: d.valueRange([...path, 'percent']) },
        from: d.date([...path, 'from']),
        to: d.date([...path, 'to']),
      },
    ];
  });
  return {
    kind: 'Project',
    id: locatedText(d, ['id']),
    title: d.text(['title']),
    status: locatedText(d, ['status']),
    programme: locatedText(d, ['programme']),
    sponsor: d.text(['sponsor']),
    manager: d.text(['manager']),
    start: locatedDate(d, ['schedule', 'start']),
    end: locatedDate(d, ['schedule', 'end']),
    approved: locatedMoney(d, ['budget', 'approved']),
    currency: d.currency(['budget', 'currency']),
    phasing: phasingOf(d),
    rag: locatedText(d, ['statusReport', 'rag']),
    milestones: d.records(['milestones']).flatMap(({ path }) => {
      const id = d.text([...path, 'id']);
      return id ? [{ id, date: locatedDate(d, [...path, 'date']) }] : [];
    }),
    dependencies,
    allocations,
    personRefs: personReferences(d, PROJECT_PERSON_FIELDS),
    objectiveRefs: d.records(['objectives']).flatMap(({ path }) => {
      const ref = locatedText(d, [...path, 'strategicObjective']);
      return ref ? [ref] : [];
    }),
  };
}

/** `budget.phasing` when it is a list of whole fiscal years with amounts; undefined when absent or empty. */
export function phasingOf(d: CharterDocument): Phase[] | undefined {
  const phases = d.records(['budget', 'phasing']).flatMap(({ path, value }) => {
    const amount = d.money([...path, 'amount']);
    return typeof value.fiscalYear === 'number' && Number.isInteger(value.fiscalYear) && amount !== undefined ? [{ fiscalYear: value.fiscalYear, amount }] : [];
  });
  return phases.length > 0 ? phases : undefined;
}

export function programmeFacts(d: CharterDocument): ProgrammeFacts {
  return {
    kind: 'Programme',
    id: locatedText(d, ['id']),
    title: d.text(['title']),
    cap: locatedMoney(d, ['budget', 'cap']),
    currency: d.currency(['budget', 'currency']),
    rag: locatedText(d, ['statusReport', 'rag']),
    personRefs: personReferences(d, [['owner']]),
  };
}

export function portfolioFacts(d: CharterDocument): PortfolioFacts {
  return {
    kind: 'Portfolio',
    id: locatedText(d, ['id']),
    objectives: d.records(['objectives']).flatMap(({ path, value }) => {
      const id = locatedText(d, [...path, 'id']);
      return id ? [{ ...id, title: typeof value.title === 'string' ? value.title : undefined }] : [];
    }),
    funding: d.records(['funding']).flatMap(({ path, value }) => {
      const amount = locatedMoney(d, [...path, 'amount']);
      const fiscalYear = value.fiscalYear;
      const currency = d.currency([...path, 'currency']);
      return amount && typeof fiscalYear === 'number' && Number.isInteger(fiscalYear) && currency
        ? [{ fiscalYear, currency, amount }]
        : [];
    }),
    policy: isDict(d.root.policy) ? d.root.policy : undefined,
  };
}

export function peopleFacts(d: CharterDocument): PeopleFacts {
  return {
    kind: 'People',
    people: d.records(['people']).flatMap(({ path, value }) => {
      const id = locatedText(d, [...path, 'id']);
      if (!id) return [];
      const capacity = value.capacityPercent;
      return [
        {
          id,
          name: typeof value.name === 'string' ? value.name : undefined,
          capacityPercent: typeof capacity === 'number' && Number.isFinite(capacity) ? capacity : undefined,
        },
      ];
    }),
  };
}

function personReferences(d: CharterDocument, fields: ReadonlyArray<readonly [string, string] | readonly [string]>): PersonReference[] {
  const refs: PersonReference[] = [];
  for (const field of fields) {
    if (field.length === 1) {
      const ref = locatedText(d, [field[0]]);
      if (ref) refs.push({ ...ref, field: field[0] });
      continue;
    }
    const [list, key] = field;
    for (const { path } of d.records([list])) {
      const ref = locatedText(d, [...path, key]);
      if (ref) refs.push({ ...ref, field: `${list}[].${key}` });
    }
  }
  return refs;
}
