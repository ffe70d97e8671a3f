/**
 * The case process from the first report to the assignment of an assistant (art. 11 u.w.r.,
 * art. 107 u.p.s.). Every rule comes from shared/domain (state machine, deadlines, income test,
 * access); the steps gather the facts, enforce them, and write each change with its chronology
 * entry and audit entry in the caller's transaction. One module per step under cases/ (intake,
 * interview, analysis, request, case-file) over the shared helpers of cases/core.ts; this class
 * is the one handle the handler groups and the other services hold.
 */
import type { Actor } from '../session/context';
import { CaseCore } from './cases/core';
import * as analysis from './cases/analysis';
import * as caseFile from './cases/case-file';
import * as intake from './cases/intake';
import * as interview from './cases/interview';
import * as request from './cases/request';

/** Who acts: defined with the session (session/context.ts); the services of a case take it from here too. */
export type { Actor };
export type { LoadedCase } from './cases/core';

/** A step function's arguments after the shared `core`. */
type Rest<F> = F extends (core: CaseCore, ...rest: infer R) => unknown ? R : never;

export class CasesService extends CaseCore {
  create(...args: Rest<typeof intake.create>): ReturnType<typeof intake.create> {
    return intake.create(this, ...args);
  }

  createPerson(...args: Rest<typeof intake.createPerson>): ReturnType<typeof intake.createPerson> {
    return intake.createPerson(this, ...args);
  }

  personReach(...args: Parameters<typeof intake.personReach>): ReturnType<typeof intake.personReach> {
    return intake.personReach(...args);
  }

  requireAttachable(...args: Rest<typeof intake.requireAttachable>): ReturnType<typeof intake.requireAttachable> {
    return intake.requireAttachable(this, ...args);
  }

  findDuplicates(...args: Rest<typeof intake.findDuplicates>): ReturnType<typeof intake.findDuplicates> {
    return intake.findDuplicates(this, ...args);
  }

  deadlines(...args: Parameters<typeof caseFile.deadlines>): ReturnType<typeof caseFile.deadlines> {
    return caseFile.deadlines(...args);
  }

  file(...args: Rest<typeof caseFile.file>): ReturnType<typeof caseFile.file> {
    return caseFile.file(this, ...args);
  }

  addNote(...args: Rest<typeof caseFile.addNote>): ReturnType<typeof caseFile.addNote> {
    return caseFile.addNote(this, ...args);
  }

  setSignificant(...args: Rest<typeof caseFile.setSignificant>): ReturnType<typeof caseFile.setSignificant> {
    return caseFile.setSignificant(this, ...args);
  }

  startInterview(...args: Rest<typeof interview.startInterview>): ReturnType<typeof interview.startInterview> {
    return interview.startInterview(this, ...args);
  }

  startInterviewUpdate(...args: Rest<typeof interview.startInterviewUpdate>): ReturnType<typeof interview.startInterviewUpdate> {
    return interview.startInterviewUpdate(this, ...args);
  }

  interview(...args: Rest<typeof interview.interview>): ReturnType<typeof interview.interview> {
    return interview.interview(this, ...args);
  }

  saveInterview(...args: Rest<typeof interview.saveInterview>): ReturnType<typeof interview.saveInterview> {
    return interview.saveInterview(this, ...args);
  }

  completeInterview(...args: Rest<typeof interview.completeInterview>): ReturnType<typeof interview.completeInterview> {
    return interview.completeInterview(this, ...args);
  }

  saveAnalysis(...args: Rest<typeof analysis.saveAnalysis>): ReturnType<typeof analysis.saveAnalysis> {
    return analysis.saveAnalysis(this, ...args);
  }

  chooseSocialWork(...args: Rest<typeof analysis.chooseSocialWork>): ReturnType<typeof analysis.chooseSocialWork> {
    return analysis.chooseSocialWork(this, ...args);
  }

  fileRequest(...args: Rest<typeof request.fileRequest>): ReturnType<typeof request.fileRequest> {
    return request.fileRequest(this, ...args);
  }

  requestView(...args: Parameters<typeof request.requestView>): ReturnType<typeof request.requestView> {
    return request.requestView(...args);
  }

  requestViews(...args: Parameters<typeof request.requestViews>): ReturnType<typeof request.requestViews> {
    return request.requestViews(...args);
  }

  queue(...args: Rest<typeof request.queue>): ReturnType<typeof request.queue> {
    return request.queue(this, ...args);
  }

  caseloads(...args: Parameters<typeof request.caseloads>): ReturnType<typeof request.caseloads> {
    return request.caseloads(...args);
  }

  decide(...args: Rest<typeof request.decide>): ReturnType<typeof request.decide> {
    return request.decide(this, ...args);
  }
}
