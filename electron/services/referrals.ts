/**
 * Food-aid (FEPŻ) and social-shop referrals (issue 19; docs/referrals.md). A worker qualifies a
 * household without a full case — persons from the office's register, the last month's income as
 * declared, an art. 7 reason — or from a case's completed wywiad, and issues a numbered skierowanie
 * through the document register. Everything is decided again here (shared/domain/foodAid.ts), in
 * the caller's transaction: a refusal throws before anything is kept.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ART7_REASON_LABELS, type Art7Reason } from '../../shared/domain/caseFlow';
import { addDays, compare, daysBetween, formatPolishDate, type IsoDate } from '../../shared/domain/dates';
import { qualify, REFERRAL_PROGRAMME_LABELS, type QualificationResult } from '../../shared/domain/foodAid';
import { CriteriaNotFoundError, formatZl, IncomeTestInputError, type FoodAidThreshold, type IncomeItem } from '../../shared/domain/income';
import { fold } from '../../shared/domain/text';
import { safeFileName } from '../../shared/file-names';
import {
  DEFAULT_REFERRAL_SETTINGS,
  MONTHLY_HEADERS,
  PARTNER_LIST_HEADERS,
  referralSettingsSchema,
  shopRules,
  type partnerSaveSchema,
  type PartnerView,
  type ReferralCaseSourcePage,
  type referralCaseSourcesSchema,
  type referralExportSchema,
  type ReferralFile,
  type referralIssueSchema,
  type referralListSchema,
  type ReferralMonthRow,
  type ReferralPage,
  type ReferralSettings,
  type ReferralView,
  type subprogrammeSaveSchema,
  type SubprogrammeView,
} from '../../shared/referrals';
import { ROLE_LABELS } from '../../shared/domain/roles';
import type { Clock } from '../clock';
import {
  DeclarationEntity,
  DistributionPointEntity,
  FamilyMemberEntity,
  FoodAidThresholdEntity,
  InterviewEntity,
  PartnerEntity,
  PersonEntity,
  ReferralEntity,
  SettingEntity,
  SubprogrammeEntity,
  type DeclarationMember,
  type ReferralRow,
} from '../db/entities';
import { assistantSeesReferral, caseSourceRows, countCaseSources, countReferrals, monthlyCounts, partnerListRows, referralRecord, referralRows, type ReferralFilter, type ReferralRecord } from '../data/queries/referrals';
import { searchCases } from '../data/queries/search';
import { searchMatch } from '../data/search-terms';
import { AppError } from '../errors';
import type { AuditService } from './audit';
import type { Actor, CasesService } from './cases';
import type { DocumentsService } from './documents';
import { csvText } from './csv';
import { xlsxWorkbook, type Cell } from './xlsx';

type IssueInput = z.output<typeof referralIssueSchema>;
type ListInput = z.output<typeof referralListSchema>;
type CaseSourcesInput = z.output<typeof referralCaseSourcesSchema>;
type ExportInput = z.output<typeof referralExportSchema>;
type PartnerInput = z.output<typeof partnerSaveSchema>;
type SubprogrammeInput = z.output<typeof subprogrammeSaveSchema>;

const SETTINGS_KEY = 'referrals.settings';
/** The case search's hits a wywiad picker's search looks at (the picker shows a page of those with a completed wywiad). */
const CASE_SOURCE_SEARCH_LIMIT = 200;

/** The household and income a referral is based on, resolved from a declaration or a wywiad. */
interface Basis {
  kind: 'declaration' | 'interview';
  date: IsoDate;
  applicantId: string;
  members: DeclarationMember[];
  items: IncomeItem[];
  farmHectares: number | undefined;
  reasons: Art7Reason[];
  caseId: string | null;
  interviewId: string | null;
}

export class ReferralsService {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly documents: DocumentsService,
  ) {
    documents.registerOfficeKind('referral', (m, actor, referralId) => this.checkRead(m, actor, referralId));
  }

  // ---- settings, thresholds, sub-programmes, partners ---------------------------------------

  async settings(m: EntityManager): Promise<ReferralSettings> {
    const row = await m.getRepository(SettingEntity).findOneBy({ key: SETTINGS_KEY });
    if (!row) return DEFAULT_REFERRAL_SETTINGS;
    // A stored value that no longer passes the schema falls back to the defaults rather than breaking the screen.
    const parsed = referralSettingsSchema.safeParse(JSON.parse(row.value) as unknown);
    return parsed.success ? parsed.data : DEFAULT_REFERRAL_SETTINGS;
  }

  async saveSettings(m: EntityManager, input: ReferralSettings, actor: Actor): Promise<ReferralSettings> {
    const before = await this.settings(m);
    const changed = (Object.keys(input) as (keyof ReferralSettings)[]).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(input[key]));
    if (changed.length === 0) return before;
    await m.getRepository(SettingEntity).save({ key: SETTINGS_KEY, value: JSON.stringify(input), updatedAt: this.clock.now().toISOString(), updatedBy: actor.user.id });
    await this.audit.append(m, { actorId: actor.user.id, action: 'referrals.settings_update', entityType: 'settings', details: { changed, before: pick(before, changed), after: pick(input, changed) } });
    return input;
  }

  thresholds(m: EntityManager): Promise<FoodAidThreshold[]> {
    return officeFoodAidThresholds(m);
  }

  /** A new share from a future day: the rows already in force are history (referrals were issued under them). */
  async addThreshold(m: EntityManager, input: FoodAidThreshold, actor: Actor): Promise<FoodAidThreshold[]> {
    const today = this.cases.today();
    if (compare(input.validFrom, today) <= 0) {
      throw new AppError('VALIDATION', 'Nowy próg może obowiązywać najwcześniej od jutra. Progi już obowiązujące są historią i nie zmienia się ich.', { validFrom: 'Podaj datę z przyszłości.' });
    }
    const repo = m.getRepository(FoodAidThresholdEntity);
    if (await repo.existsBy({ validFrom: input.validFrom })) {
      throw new AppError('CONFLICT', `Od ${formatPolishDate(input.validFrom)} jest już zapisany próg.`, { validFrom: 'Ta data jest już w tabeli.' });
    }
    await repo.insert({ ...input, createdAt: this.clock.now().toISOString(), createdBy: actor.user.id });
    await this.audit.append(m, { actorId: actor.user.id, action: 'referrals.threshold_add', entityType: 'food_aid_threshold', entityId: input.validFrom, details: { ...input } });
    return this.thresholds(m);
  }

  async subprogrammes(m: EntityManager): Promise<SubprogrammeView[]> {
    const rows = await m.getRepository(SubprogrammeEntity).find({ order: { validUntil: 'DESC', name: 'ASC' } });
    return rows.map((r) => ({ id: r.id, name: r.name, validUntil: r.validUntil }));
  }

  async saveSubprogramme(m: EntityManager, input: SubprogrammeInput, actor: Actor): Promise<SubprogrammeView> {
    const validUntil = input.validUntil;
    if (validUntil === null) throw new AppError('VALIDATION', 'Podprogram musi mieć datę końca ważności skierowań.', { validUntil: 'Podaj datę.' });
    const repo = m.getRepository(SubprogrammeEntity);
    const clash = await repo.findOneBy({ name: input.name });
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `Podprogram „${input.name}” już jest na liście.`, { name: 'Ta nazwa jest już używana.' });
    const now = this.clock.now().toISOString();
    let id = input.id;
    if (id) {
      const before = await repo.findOneBy({ id });
      if (!before) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego podprogramu.');
      await repo.save({ ...before, name: input.name, validUntil, updatedAt: now, updatedBy: actor.user.id });
      await this.audit.append(m, { actorId: actor.user.id, action: 'referrals.subprogramme_update', entityType: 'referral_subprogramme', entityId: id, details: { name: { from: before.name, to: input.name }, validUntil: { from: before.validUntil, to: validUntil } } });
    } else {
      id = randomUUID();
      await repo.insert({ id, name: input.name, validUntil, ...this.cases.tracked(actor.user.id) });
      await this.audit.append(m, { actorId: actor.user.id, action: 'referrals.subprogramme_create', entityType: 'referral_subprogramme', entityId: id, details: { name: input.name, validUntil } });
    }
    return { id, name: input.name, validUntil };
  }

  async partners(m: EntityManager): Promise<PartnerView[]> {
    const partners = await m.getRepository(PartnerEntity).find({ order: { name: 'ASC' } });
    const points = await m.getRepository(DistributionPointEntity).find({ order: { name: 'ASC' } });
    return partners.map((p) => ({
      id: p.id,
      name: p.name,
      address: p.address,
      phone: p.phone,
      active: p.active,
      points: points.filter((x) => x.partnerId === p.id).map((x) => ({ id: x.id, name: x.name, address: x.address, hours: x.hours, active: x.active })),
    }));
  }

  /** Saves a partner with its points; a point left out of the list is switched off (referrals keep naming it). */
  async savePartner(m: EntityManager, input: PartnerInput, actor: Actor): Promise<PartnerView> {
    const partners = m.getRepository(PartnerEntity);
    const pointsRepo = m.getRepository(DistributionPointEntity);
    const now = this.clock.now().toISOString();
    const values = { name: input.name, address: input.address, phone: input.phone, active: input.active };
    let id = input.id;
    if (id) {
      const before = await partners.findOneBy({ id });
      if (!before) throw new AppError('NOT_FOUND', 'Nie znaleziono takiej organizacji partnerskiej.');
      await partners.save({ ...before, ...values, updatedAt: now, updatedBy: actor.user.id });
    } else {
      id = randomUUID();
      await partners.insert({ id, ...values, ...this.cases.tracked(actor.user.id) });
    }
    const existing = await pointsRepo.findBy({ partnerId: id });
    const kept = new Set<string>();
    for (const point of input.points) {
      const pointValues = { name: point.name, address: point.address, hours: point.hours, active: point.active };
      const before = point.id ? existing.find((x) => x.id === point.id) : undefined;
      if (point.id && !before) throw new AppError('NOT_FOUND', 'Punkt wydawania nie należy do tej organizacji.');
      if (before) {
        kept.add(before.id);
        await pointsRepo.save({ ...before, ...pointValues, updatedAt: now, updatedBy: actor.user.id });
      } else {
        await pointsRepo.insert({ id: randomUUID(), partnerId: id, ...pointValues, ...this.cases.tracked(actor.user.id) });
      }
    }
    for (const old of existing) {
      if (!kept.has(old.id) && old.active) await pointsRepo.save({ ...old, active: false, updatedAt: now, updatedBy: actor.user.id });
    }
    await this.audit.append(m, { actorId: actor.user.id, action: input.id ? 'referrals.partner_update' : 'referrals.partner_create', entityType: 'partner_organisation', entityId: id, details: { name: input.name, points: input.points.length, active: input.active } });
    const view = (await this.partners(m)).find((p) => p.id === id);
    if (!view) throw new AppError('INTERNAL', 'Nie udało się odczytać zapisanej organizacji.');
    return view;
  }

  // ---- cases whose wywiad may be used -----------------------------------------------------

  /** One page of the cases whose latest completed wywiad may be used: the kierownik's office, a worker's own cases. */
  async caseSources(m: EntityManager, input: CaseSourcesInput, actor: Actor): Promise<ReferralCaseSourcePage> {
    const head = actor.user.roles.includes('head');
    // A search goes through the case search (names, PESEL, case number, address): its best hits, then those with a completed wywiad.
    let caseIds: string[] | null = null;
    if (input.query) {
      const match = searchMatch(input.query);
      caseIds = match ? (await searchCases(m, match, CASE_SOURCE_SEARCH_LIMIT, head ? { all: true } : { all: false, workerId: actor.user.id, assistantId: null })).map((hit) => hit.caseId) : [];
    }
    const filter = { workerId: head ? null : actor.user.id, caseIds };
    const total = await countCaseSources(m, filter);
    const rows = total === 0 ? [] : await caseSourceRows(m, filter, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    return {
      rows: rows.map((r) => ({ ...r, familyName: r.familyName ?? '—', reasons: JSON.parse(r.reasons) as Art7Reason[] })),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  }

  // ---- qualification and issue ------------------------------------------------------------

  async issue(m: EntityManager, input: IssueInput, actor: Actor): Promise<ReferralView> {
    const today = this.cases.today();
    const settings = await this.settings(m);
    const basis = await this.basis(m, input, actor);
    if (compare(basis.date, today) > 0) {
      throw new AppError('VALIDATION', `Data ${basis.kind === 'declaration' ? 'oświadczenia' : 'wywiadu'} (${formatPolishDate(basis.date)}) nie może być z przyszłości.`, { 'source.declaredOn': 'Data z przyszłości.' });
    }
    const age = daysBetween(basis.date, today);
    if (age > settings.declarationMaxAgeDays) {
      throw new AppError(
        'VALIDATION',
        `${basis.kind === 'declaration' ? 'Oświadczenie o dochodach' : 'Wywiad'} z dnia ${formatPolishDate(basis.date)} ma ${age} dni, a ośrodek przyjmuje najwyżej ${settings.declarationMaxAgeDays}. Przyjmij nowe oświadczenie.`,
        { 'source.declaredOn': 'Oświadczenie jest za stare.' },
      );
    }

    const target = await this.target(m, input, today);
    const result = this.qualifyBasis(input, basis, settings, await this.thresholds(m));
    if (!result.eligible) throw new AppError('VALIDATION', `Nie można wydać skierowania: ${result.reasons.join(' ')}`, { _: result.reasons[0] ?? '' });

    const duplicateOf = await this.refuseDuplicate(m, input, basis.applicantId, today);

    const declarationId = randomUUID();
    await m.getRepository(DeclarationEntity).insert({
      id: declarationId,
      declaredOn: basis.date,
      source: basis.kind,
      interviewId: basis.interviewId,
      caseId: basis.caseId,
      applicantId: basis.applicantId,
      members: basis.members,
      householdSize: basis.members.length,
      income: basis.farmHectares === undefined ? { items: basis.items } : { items: basis.items, farmHectares: basis.farmHectares },
      reasons: basis.reasons,
      ...this.cases.tracked(actor.user.id),
    });

    const id = randomUUID();
    const validUntil = input.programme === 'fepz' ? target.validUntil : addDays(today, settings.shop.validityDays - 1);
    const applicant = await m.getRepository(PersonEntity).findOneByOrFail({ id: basis.applicantId });
    const decisive = result.reasons[0] ?? '';
    const person = {
      fullName: `${applicant.firstName} ${applicant.lastName}`,
      sex: applicant.sex === 'M' ? ('M' as const) : ('F' as const),
      pesel: applicant.pesel,
      otherIdentityDocument: applicant.pesel ? null : [applicant.documentType, applicant.documentNumber].filter(Boolean).join(' ') || null,
      address: null,
    };
    const issued = await this.documents.issueOffice(m, actor, {
      kind: 'referral',
      subjectId: id,
      build: (header) => ({
        header: { ...header, dated: header.issuedOn },
        programme: input.programme,
        person,
        householdSize: basis.members.length,
        declaration: { kind: basis.kind, declaredOn: basis.date },
        income: { perPerson: formatZl(result.income.perPersonGr), threshold: formatZl(result.thresholdGr), basis: result.thresholdLabel },
        eligibility: decisive,
        reasons: basis.reasons.map((r) => ART7_REASON_LABELS[r]),
        admittedGroup: result.admittedByGroup ? input.admittedGroup : null,
        recipient: target.recipient(settings),
        subprogramme: target.subprogrammeName,
        validUntil,
        limitsText: input.programme === 'shop' && settings.shop.limitsText !== '' ? settings.shop.limitsText : null,
        socialWorker: { fullName: `${actor.user.firstName} ${actor.user.lastName}`, role: actor.user.roles.includes('social_worker') ? 'pracownik socjalny' : ROLE_LABELS.head.toLowerCase() },
        rodoClause: settings.rodoClause,
      }),
    });

    const row: ReferralRow = {
      id,
      programme: input.programme,
      subprogrammeId: input.programme === 'fepz' ? input.subprogrammeId : null,
      number: issued.document.number,
      documentId: issued.document.id,
      declarationId,
      personId: basis.applicantId,
      householdSize: basis.members.length,
      perPersonGr: result.income.perPersonGr,
      thresholdGr: result.thresholdGr,
      eligibility: decisive,
      admittedGroup: result.admittedByGroup ? input.admittedGroup : null,
      partnerId: input.programme === 'fepz' ? input.partnerId : null,
      pointId: input.programme === 'fepz' ? input.pointId : null,
      validUntil,
      issuedOn: today,
      issuedBy: actor.user.id,
      status: 'issued',
      duplicateReason: duplicateOf ? input.duplicateReason : null,
      cancelReason: null,
      cancelledOn: null,
      cancelledBy: null,
      ...this.cases.tracked(actor.user.id),
    };
    await m.getRepository(ReferralEntity).insert(row);
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'referral.issue',
      entityType: 'referral',
      entityId: id,
      caseId: basis.caseId,
      details: {
        programme: input.programme,
        number: row.number,
        documentId: row.documentId,
        subprogramme: target.subprogrammeName,
        source: basis.kind,
        householdSize: row.householdSize,
        eligible: true,
        admittedGroup: row.admittedGroup,
        ...(duplicateOf ? { duplicateOf, duplicateReason: row.duplicateReason } : {}),
      },
    });
    return this.view(m, id, today);
  }

  /** The live result the screen shows, decided the same way (also used by tests). */
  qualifyBasis(input: Pick<IssueInput, 'programme' | 'admittedGroup'>, basis: Basis, settings: ReferralSettings, thresholds: readonly FoodAidThreshold[]): QualificationResult {
    try {
      return qualify(
        {
          programme: input.programme,
          date: basis.date,
          householdSize: basis.members.length,
          items: basis.items,
          farmHectares: basis.farmHectares,
          reasons: basis.reasons,
          admittedGroup: input.programme === 'shop' ? input.admittedGroup : null,
        },
        { thresholds, shop: shopRules(settings.shop) },
      );
    } catch (error) {
      if (error instanceof IncomeTestInputError) throw new AppError('VALIDATION', `Dochody: ${error.message}`, prefixFields(error.fields, 'source.income'));
      if (error instanceof CriteriaNotFoundError) throw new AppError('VALIDATION', error.message);
      throw error;
    }
  }

  private async basis(m: EntityManager, input: IssueInput, actor: Actor): Promise<Basis> {
    const source = input.source;
    if (source.kind === 'interview') {
      const kase = await this.cases.load(m, source.caseId, actor);
      this.cases.requireFull(kase);
      const interview = await m.getRepository(InterviewEntity).findOne({ where: { caseId: source.caseId, status: 'completed' }, order: { conductedOn: 'DESC', createdAt: 'DESC' } });
      if (!interview?.conductedOn) throw new AppError('INVALID_STATE', 'W tej sprawie nie ma zakończonego wywiadu środowiskowego. Przyjmij oświadczenie o dochodach.');
      const members = await m.getRepository(FamilyMemberEntity).find({ where: { familyId: kase.row.familyId, inHousehold: true }, order: { position: 'ASC' } });
      if (members.length === 0) throw new AppError('VALIDATION', 'Gospodarstwo domowe w tej sprawie nie ma żadnej osoby. Uzupełnij skład rodziny albo przyjmij oświadczenie.');
      const applicant = members.find((x) => x.relation === 'applicant') ?? members[0]!;
      const household = new Set(members.map((x) => x.personId));
      return {
        kind: 'interview',
        date: interview.conductedOn,
        applicantId: applicant.personId,
        members: members.map((x) => ({ personId: x.personId, relation: x.relation })),
        items: interview.income.items.filter((item) => household.has(item.personId)),
        farmHectares: interview.income.farmHectares,
        reasons: source.reasons,
        caseId: kase.row.id,
        interviewId: interview.id,
      };
    }
    const keys = new Map<string, string>();
    const members: DeclarationMember[] = [];
    for (const [index, member] of source.members.entries()) {
      if (keys.has(member.key)) throw new AppError('VALIDATION', 'Ta sama osoba jest wpisana dwa razy.', { [`source.members.${index}`]: 'Powtórzona osoba.' });
      let personId: string;
      if (member.existingPersonId) {
        // A person from another worker's case is declared only through the kierownik (issue 14), as at intake.
        await this.cases.requireAttachable(m, member.existingPersonId, actor);
        personId = member.existingPersonId;
      } else {
        personId = await this.cases.createPerson(m, member.person!, actor, `source.members.${index}.person`);
      }
      if (members.some((x) => x.personId === personId)) throw new AppError('VALIDATION', 'Ta sama osoba jest wpisana dwa razy.', { [`source.members.${index}`]: 'Powtórzona osoba.' });
      keys.set(member.key, personId);
      members.push({ personId, relation: index === 0 ? 'applicant' : member.relation });
    }
    const items = source.income.items.map((item, index) => {
      const personId = keys.get(item.personId);
      if (!personId) throw new AppError('VALIDATION', `Dochód ${index + 1}: wskaż osobę z gospodarstwa domowego.`, { [`source.income.items.${index}.personId`]: 'Wybierz osobę.' });
      return { ...item, personId };
    });
    return {
      kind: 'declaration',
      date: source.declaredOn,
      applicantId: members[0]!.personId,
      members,
      items,
      farmHectares: source.income.farmHectares,
      reasons: source.reasons,
      caseId: null,
      interviewId: null,
    };
  }

  /** Where the referral sends the household: the partner's point (FEPŻ, within its sub-programme) or the shop. */
  private async target(m: EntityManager, input: IssueInput, today: IsoDate) {
    if (input.programme === 'shop') {
      return {
        validUntil: today,
        subprogrammeName: null,
        recipient: (s: ReferralSettings) => ({ name: s.shop.name, address: s.shop.address, point: null, pointAddress: null, hours: null }),
      };
    }
    const sub = input.subprogrammeId ? await m.getRepository(SubprogrammeEntity).findOneBy({ id: input.subprogrammeId }) : null;
    if (!sub) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego podprogramu. Dodaj go w ustawieniach skierowań.', { subprogrammeId: 'Wybierz podprogram.' });
    if (compare(sub.validUntil, today) < 0) {
      throw new AppError('VALIDATION', `${sub.name} zakończył się ${formatPolishDate(sub.validUntil)}: nie można już wydawać do niego skierowań.`, { subprogrammeId: 'Podprogram zakończony.' });
    }
    const partner = input.partnerId ? await m.getRepository(PartnerEntity).findOneBy({ id: input.partnerId }) : null;
    if (!partner?.active) throw new AppError('NOT_FOUND', 'Wybierz aktywną organizację partnerską z listy ośrodka.', { partnerId: 'Wybierz organizację.' });
    const point = input.pointId ? await m.getRepository(DistributionPointEntity).findOneBy({ id: input.pointId }) : null;
    if (!point?.active || point.partnerId !== partner.id) throw new AppError('VALIDATION', 'Wybierz aktywny punkt wydawania tej organizacji partnerskiej.', { pointId: 'Wybierz punkt.' });
    return {
      validUntil: sub.validUntil,
      subprogrammeName: sub.name,
      recipient: () => ({ name: partner.name, address: partner.address, point: point.name, pointAddress: point.address, hours: point.hours || null }),
    };
  }

  /**
   * A person holding a valid referral of the same kind (and sub-programme) gets a second one only
   * with a reason; returns the number of the valid one (null: none).
   */
  private async refuseDuplicate(m: EntityManager, input: IssueInput, personId: string, today: IsoDate): Promise<string | null> {
    const rows = await m.getRepository(ReferralEntity).findBy({ personId, programme: input.programme, status: 'issued' });
    const valid = rows.find((r) => compare(r.validUntil, today) >= 0 && (input.programme === 'shop' || r.subprogrammeId === input.subprogrammeId));
    if (!valid) return null;
    if (input.duplicateReason) return valid.number;
    throw new AppError(
      'CONFLICT',
      `Ta osoba ma już ważne skierowanie nr ${valid.number} (${REFERRAL_PROGRAMME_LABELS[input.programme]}, ważne do ${formatPolishDate(valid.validUntil)}). Kolejne można wydać tylko z podaniem powodu.`,
      { duplicateReason: 'Podaj powód wydania kolejnego skierowania.' },
    );
  }

  // ---- the register ------------------------------------------------------------------------

  /** One page of a programme's register: filtered, ordered, paged and counted in SQL (an assistant: her families' referrals only). */
  async list(m: EntityManager, input: ListInput, actor: Actor): Promise<ReferralPage> {
    const [partners, points] = await Promise.all([m.getRepository(PartnerEntity).find(), m.getRepository(DistributionPointEntity).find()]);
    // Partners and points are the office's own short lists: their names are folded here, and a word matching one searches by its id.
    const words = likeWords(input.query).map(({ word, like }) => ({
      like,
      partnerIds: partners.filter((x) => fold(x.name).includes(word)).map((x) => x.id),
      pointIds: points.filter((x) => fold(x.name).includes(word)).map((x) => x.id),
    }));
    const digits = input.query.replace(/\D/g, '');
    const filter: ReferralFilter = {
      programme: input.programme,
      subprogrammeId: input.subprogrammeId ?? null,
      status: input.status ?? null,
      words,
      peselDigits: digits.length >= 4 ? digits : null,
      assistantId: assistantOnly(actor) ? actor.user.id : null,
    };
    const total = await countReferrals(m, filter);
    const today = this.cases.today();
    const rows = total === 0 ? [] : await referralRows(m, filter, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    return { rows: rows.map((r) => withValidity(r, today)), total, page: input.page, pageSize: input.pageSize };
  }

  async cancel(m: EntityManager, id: string, reason: string, actor: Actor): Promise<ReferralView> {
    const repo = m.getRepository(ReferralEntity);
    const row = await repo.findOneBy({ id });
    if (!row) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego skierowania.');
    if (row.status === 'cancelled') throw new AppError('INVALID_STATE', `Skierowanie nr ${row.number} jest już anulowane.`);
    const now = this.clock.now().toISOString();
    Object.assign(row, { status: 'cancelled', cancelReason: reason, cancelledOn: this.cases.today(), cancelledBy: actor.user.id, updatedAt: now, updatedBy: actor.user.id });
    await repo.save(row);
    await this.audit.append(m, { actorId: actor.user.id, action: 'referral.cancel', entityType: 'referral', entityId: id, details: { number: row.number, programme: row.programme, reason } });
    return this.view(m, id, this.cases.today());
  }

  /** The document register's check for a referral's PDF: an assistant only for her families. */
  private async checkRead(m: EntityManager, actor: Actor, referralId: string): Promise<void> {
    if (!assistantOnly(actor)) return;
    if (!(await assistantSeesReferral(m, referralId, actor.user.id))) throw new AppError('FORBIDDEN', 'Nie masz uprawnień do tego skierowania.');
  }

  private async view(m: EntityManager, id: string, today: IsoDate): Promise<ReferralView> {
    const record = await referralRecord(m, id);
    if (!record) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego skierowania.');
    return withValidity(record, today);
  }

  // ---- exports and counts ------------------------------------------------------------------

  /** The list for a partner organisation: number, name, household size, validity — nothing else. */
  async exportList(m: EntityManager, input: ExportInput, actor: Actor, officeName: string): Promise<ReferralFile> {
    const rows = await partnerListRows(m, { programme: input.programme, subprogrammeId: input.subprogrammeId ?? null, partnerId: input.partnerId ?? null });
    const sub = input.subprogrammeId ? await m.getRepository(SubprogrammeEntity).findOneBy({ id: input.subprogrammeId }) : null;
    if (input.subprogrammeId && !sub) throw new AppError('NOT_FOUND', 'Nie znaleziono takiego podprogramu.');
    const partner = input.partnerId ? await m.getRepository(PartnerEntity).findOneBy({ id: input.partnerId }) : null;
    if (input.partnerId && !partner) throw new AppError('NOT_FOUND', 'Nie znaleziono takiej organizacji partnerskiej.');
    const title = input.programme === 'fepz' ? `Lista skierowań FEPŻ${sub ? ` – ${sub.name}` : ''}${partner ? ` – ${partner.name}` : ''}` : 'Lista skierowań do sklepu socjalnego';
    const table: Cell[][] = [
      [{ value: title, bold: true }],
      ['Ośrodek', officeName],
      [],
      PARTNER_LIST_HEADERS.map((h) => ({ value: h, bold: true })),
      ...rows.map((r) => [r.number, r.name, r.householdSize, formatPolishDate(r.validUntil)]),
    ];
    const slug = fold(`${input.programme === 'fepz' ? 'skierowania-fepz' : 'skierowania-sklep'}${sub ? `-${sub.name}` : ''}`).replace(/[^a-z0-9]+/g, '-').replace(/-+$/, '');
    const base = `${slug}-${this.cases.today()}`;
    let file: ReferralFile;
    if (input.format === 'csv') {
      file = { fileName: safeFileName(`${base}.csv`), bytes: Buffer.from(csvText(table), 'utf8').toString('base64'), rows: rows.length };
    } else {
      const book = xlsxWorkbook([{ name: 'Skierowania', widths: [18, 40, 16, 14], rows: table }], this.clock.now());
      file = { fileName: safeFileName(`${base}.xlsx`), bytes: book.toString('base64'), rows: rows.length };
    }
    await this.audit.append(m, {
      actorId: actor.user.id,
      action: 'referral.export',
      entityType: 'referral_list',
      entityId: input.subprogrammeId ?? null,
      details: { programme: input.programme, subprogrammeId: input.subprogrammeId ?? null, partnerId: input.partnerId ?? null, format: input.format, rows: rows.length, fileName: file.fileName },
    });
    return file;
  }

  /** The monthly counts as a file for the office's reports (CSV or XLSX, Polish headings); audited. */
  async monthlyFile(m: EntityManager, from: IsoDate, to: IsoDate, format: 'csv' | 'xlsx', officeName: string): Promise<ReferralFile> {
    const rows = await this.monthly(m, from, to);
    const table: Cell[][] = [
      [{ value: 'Skierowania na pomoc żywnościową i do sklepu socjalnego według miesięcy', bold: true }],
      ['Ośrodek', officeName],
      ['Okres', `${formatPolishDate(from)} – ${formatPolishDate(to)}`],
      [],
      MONTHLY_HEADERS.map((h) => ({ value: h, bold: true })),
      ...rows.map((r) => [r.month, REFERRAL_PROGRAMME_LABELS[r.programme], r.referrals, r.persons, r.households, r.cancelled]),
    ];
    const base = `skierowania-miesiecznie-${from}-${to}`;
    if (format === 'csv') {
      return { fileName: safeFileName(`${base}.csv`), bytes: Buffer.from(csvText(table), 'utf8').toString('base64'), rows: rows.length };
    }
    const book = xlsxWorkbook([{ name: 'Skierowania', widths: [12, 30, 14, 10, 22, 12], rows: table }], this.clock.now());
    return { fileName: safeFileName(`${base}.xlsx`), bytes: book.toString('base64'), rows: rows.length };
  }

  /** Referrals issued per month and programme, with the persons of their households and distinct households. */
  async monthly(m: EntityManager, from: IsoDate, to: IsoDate): Promise<ReferralMonthRow[]> {
    if (compare(from, to) > 0) throw new AppError('VALIDATION', 'Koniec okresu jest wcześniejszy niż jego początek.', { to: 'Data przed początkiem.' });
    return monthlyCounts(m, from, to);
  }
}

/** The office's FEPŻ threshold table, oldest first (the income test of a wywiad uses it too). */
export async function officeFoodAidThresholds(m: EntityManager): Promise<FoodAidThreshold[]> {
  const rows = await m.getRepository(FoodAidThresholdEntity).find({ order: { validFrom: 'ASC' } });
  return rows.map((r) => ({ validFrom: r.validFrom, percent: r.percent, legalSource: r.legalSource }));
}

function assistantOnly(actor: Actor): boolean {
  return !actor.user.roles.includes('head') && !actor.user.roles.includes('social_worker');
}

function pick<T extends object>(value: T, keys: (keyof T)[]): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Partial<T>;
}

function prefixFields(fields: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
}

/** The register's row with its validity today. */
function withValidity(record: ReferralRecord, today: IsoDate): ReferralView {
  return { ...record, valid: record.status === 'issued' && compare(record.validUntil, today) >= 0 };
}

/** Escapes LIKE's wildcards (the queries say ESCAPE '\\'). */
function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The search's words, folded, as LIKE patterns (at most 6 words). */
function likeWords(query: string): { word: string; like: string }[] {
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
    .map((word) => ({ word, like: `%${likeEscape(word)}%` }));
}
