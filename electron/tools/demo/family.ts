/** One household: its members, PESEL numbers and the content of its plan. */
import { type IntakeInput, type ReportSource } from '../../../shared/cases';
import { type Art7Reason, type ClosureReason } from '../../../shared/domain/caseFlow';
import { fromDayNumberToIso, toDayNumber, type IsoDate } from '../../../shared/domain/dates';
import { makePesel, PESEL_SERIALS_PER_DAY_AND_SEX, type Sex } from '../../../shared/domain/pesel';
import { planContentSchema } from '../../../shared/family-work';
import { PLAN_AREAS, POLISH_BOYS, POLISH_GIRLS, POLISH_MEN, POLISH_SURNAMES, POLISH_WOMEN, UKRAINIAN_BOYS, UKRAINIAN_GIRLS, UKRAINIAN_MEN, UKRAINIAN_SURNAMES, UKRAINIAN_WOMEN } from './data';
import { type DemoMember, type PlanContext } from './model';
import type { Rng } from './rng';

export const SOURCE_WEIGHTS: Record<ReportSource, number> = { school: 30, police: 15, court: 8, probation_officer: 10, health_service: 10, family: 15, other: 12 };
export const REASON_WEIGHTS = {
  parenting_helplessness: 40,
  poverty: 25,
  unemployment: 20,
  addiction: 14,
  long_term_illness: 8,
  domestic_violence: 8,
  maternity_large_family: 8,
  disability: 5,
  random_event_crisis: 3,
  after_prison: 2,
  homelessness: 1,
} as const satisfies Partial<Record<Art7Reason, number>>;
export const CLOSURE_WEIGHTS: Record<ClosureReason, number> = { goals_met: 50, no_cooperation: 20, moved_away: 12, child_placed: 10, other: 8 };

export function iso(day: number): IsoDate {
  return fromDayNumberToIso(day);
}

export function allocatePesel(rng: Rng, used: Set<string>, birthDate: IsoDate, sex: Sex): string {
  const first = rng.int(0, PESEL_SERIALS_PER_DAY_AND_SEX - 1);
  for (let i = 0; i < PESEL_SERIALS_PER_DAY_AND_SEX; i++) {
    const pesel = makePesel(birthDate, sex, (first + i) % PESEL_SERIALS_PER_DAY_AND_SEX);
    if (!used.has(pesel)) {
      used.add(pesel);
      return pesel;
    }
  }
  throw new Error(`No PESEL left for ${birthDate} ${sex}.`);
}

export type MemberInput = IntakeInput['members'][number];

/** The household: an applicant (mother, father, or a minor mother), partner, children, sometimes a grandmother. */
export function makeFamily(rng: Rng, ctx: PlanContext, reportDay: number, minorParent: boolean): { members: MemberInput[]; record: DemoMember[]; ukrainian: boolean } {
  const ukrainian = rng.chance(0.07);
  const surname = ukrainian ? ([rng.pick(UKRAINIAN_SURNAMES), null] as const) : rng.pick(POLISH_SURNAMES);
  const lastName = (sex: Sex) => (ukrainian ? surname[0] : sex === 'F' ? (surname[1] ?? surname[0]) : surname[0]);
  const shape = minorParent ? 'minor' : rng.weighted({ mother: 45, couple: 30, father: 5, threeGen: 8, large: 8, single: 4 });
  const members: MemberInput[] = [];
  const record: DemoMember[] = [];
  const add = (relation: MemberInput['relation'], sex: Sex, firstName: string, ageYears: number, opts: { last?: string; inHousehold?: boolean; child?: boolean } = {}) => {
    const birthDay = Math.min(reportDay, reportDay - ageYears * 365 - rng.int(0, 364));
    const birthDate = iso(birthDay);
    const withPesel = !ukrainian || rng.chance(0.6);
    const pesel = withPesel ? allocatePesel(rng, ctx.peselUsed, birthDate, sex) : null;
    const documentNumber = withPesel ? null : `${rng.pick(['FA', 'FB', 'FE', 'FH', 'FX'])}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const inHousehold = opts.inHousehold ?? true;
    const citizenship = ukrainian ? 'ukraińskie' : 'polskie';
    const person = {
      ...(pesel ? { pesel } : { documentType: 'passport' as const, documentNumber: documentNumber! }),
      firstName,
      lastName: opts.last ?? lastName(sex),
      birthDate,
      sex,
      citizenship,
      ...(!opts.child && rng.chance(0.6) ? { phone: `${rng.pick(['501', '512', '600', '663', '698', '731', '790'])} ${String(rng.int(0, 999)).padStart(3, '0')} ${String(rng.int(0, 999)).padStart(3, '0')}` } : {}),
    };
    members.push({
      relation,
      inHousehold,
      ...(relation === 'child' ? { childWhereabouts: inHousehold ? ('home' as const) : rng.pick(['kinship_foster', 'foster_family', 'institution'] as const) } : {}),
      person,
    });
    record.push({ firstName, lastName: person.lastName, pesel, documentNumber, birthDate, relation, inHousehold, citizenship });
  };
  const women = ukrainian ? UKRAINIAN_WOMEN : POLISH_WOMEN;
  const men = ukrainian ? UKRAINIAN_MEN : POLISH_MEN;
  const girls = ukrainian ? UKRAINIAN_GIRLS : POLISH_GIRLS;
  const boys = ukrainian ? UKRAINIAN_BOYS : POLISH_BOYS;
  const children = (count: number, parentAge: number) => {
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      const sex: Sex = rng.chance(0.5) ? 'F' : 'M';
      let name = rng.pick(sex === 'F' ? girls : boys);
      if (used.has(name)) name = rng.pick(sex === 'F' ? girls : boys);
      used.add(name);
      const age = rng.int(0, Math.max(0, Math.min(17, parentAge - 18)));
      add('child', sex, name, age, { child: true, inHousehold: rng.chance(0.95) });
    }
  };
  switch (shape) {
    case 'minor': {
      add('applicant', 'F', rng.pick(women), rng.int(16, 17));
      add('child', rng.chance(0.5) ? 'F' : 'M', rng.pick(rng.chance(0.5) ? girls : boys), 0, { child: true });
      add('parent', 'F', rng.pick(women), rng.int(36, 48));
      break;
    }
    case 'single': {
      const sex: Sex = rng.chance(0.7) ? 'F' : 'M';
      add('applicant', sex, rng.pick(sex === 'F' ? women : men), rng.int(19, 40));
      break;
    }
    case 'father': {
      const age = rng.int(24, 50);
      add('applicant', 'M', rng.pick(men), age);
      children(rng.int(1, 3), age);
      break;
    }
    default: {
      const age = rng.int(19, 45);
      add('applicant', 'F', rng.pick(women), age);
      if (shape === 'couple' || shape === 'large') {
        const married = rng.chance(0.55);
        add(married ? 'spouse' : 'partner', 'M', rng.pick(men), Math.max(18, age + rng.int(-3, 7)), married ? {} : { last: ukrainian ? rng.pick(UKRAINIAN_SURNAMES) : rng.pick(POLISH_SURNAMES)[0], inHousehold: rng.chance(0.9) });
      }
      children(shape === 'large' ? rng.int(4, 6) : rng.int(1, 3), age);
      if (shape === 'threeGen') add('parent', 'F', rng.pick(women), age + rng.int(19, 28));
    }
  }
  return { members, record, ukrainian };
}

export function planContent(rng: Rng): { build: (createdOn: IsoDate, parentName: string) => ReturnType<typeof planContentSchema.parse> } {
  const areas = rng.sample(PLAN_AREAS, rng.int(1, 3)).map((area) => ({
    name: area.name,
    goals: rng.sample(area.goals, rng.int(1, area.goals.length)).map((goal) => ({
      name: goal.name,
      tasks: goal.tasks.map(([description, who, effect]) => ({ description, who, effect, days: rng.int(20, 180), running: rng.chance(0.2) })),
    })),
  }));
  return {
    build: (createdOn, parentName) =>
      planContentSchema.parse({
        type: 'standard',
        coordinator: '',
        areas: areas.map((a) => ({
          name: a.name,
          goals: a.goals.map((g) => ({
            name: g.name,
            tasks: g.tasks.map((t) => ({
              description: t.description,
              responsible: t.who === 'parent' ? parentName : t.who === 'assistant' ? 'Asystent rodziny' : 'Cała rodzina',
              // At least 20 days after the draft: it is signed within 12, and no task may be due before the signature.
              deadline: iso(toDayNumber(createdOn) + t.days),
              expectedEffect: t.effect,
              resources: '',
              status: t.running ? 'in_progress' : 'planned',
            })),
          })),
        })),
      }),
  };
}
