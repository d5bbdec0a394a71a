/**
 * The filing deadline of a claim (billing-rules §12): the payer's limit counted from the date of
 * service, moved to the next workday when the payer profile says so. For Medicare, an exception of
 * 42 CFR 424.44(b) recorded with the date of its notice extends the deadline through the last day of
 * the 6th calendar month after the month of the notice. The evaluation carries the result, so the
 * screens and the PDF print the deadline worked out here and nowhere else.
 */
import type { ClaimContext } from './context';
import { checkDate, isBlank } from './context';
import type { DayNumber, IsoDate } from './dates';
import { addDays, addMonths, dayOf, daysBetween, isoDay, isoOfDay, laterDay, lastDayOfMonthAfter, nextWorkday, usDate } from './dates';
import type { FilingException } from './packet/schema';
import { filingLimitText, isMedicare, movesDeadlineToWorkday } from './payers';
import { finding } from './rules';

/** Each exception as a biller names it, with its paragraph of 42 CFR 424.44(b). */
export const FILING_EXCEPTION_NAMES: Readonly<Record<FilingException, { readonly name: string; readonly citation: string }>> = {
  'administrative-error': { name: 'Administrative error', citation: '42 CFR 424.44(b)(1)' },
  'retroactive-entitlement': { name: 'Retroactive Medicare entitlement', citation: '42 CFR 424.44(b)(2)' },
  'retroactive-entitlement-medicaid-recoupment': {
    name: 'Retroactive Medicare entitlement, the state Medicaid agency recouping its payment', citation: '42 CFR 424.44(b)(3)',
  },
  'retroactive-disenrollment': { name: 'Retroactive disenrollment from a Medicare Advantage plan or PACE', citation: '42 CFR 424.44(b)(4)' },
};

/** Months after the month of the notice through which an exception extends the deadline. */
const EXCEPTION_MONTHS = 6;
const NEAR_DEADLINE_DAYS = 30;
/** The last date a packet can hold (four-digit years): a filing deadline after it can never pass. */
const LAST_DAY = isoDay('9999-12-31');

/** An exception that applies to the claim, and the deadline it gives. */
export interface AppliedFilingException {
  readonly reason: FilingException;
  readonly name: string;
  readonly citation: string;
  /** ISO date of the notice. */
  readonly noticeDate: IsoDate;
  /** ISO date: the last day to file under the exception. */
  readonly deadline: IsoDate;
}

/** The claim's filing deadline, when the date of service and the payer profile are known. */
export interface TimelyFiling {
  /** The payer's limit in words, with its workday switch ("12 months, moved to the next workday …"). */
  readonly limit: string;
  /** ISO date: the last day to file under the payer's limit. */
  readonly limitDeadline: IsoDate;
  /** The exception recorded, when it applies (a Medicare profile, a valid notice date). */
  readonly exception: AppliedFilingException | null;
  /** ISO date: the deadline that counts, the later of the two. */
  readonly deadline: IsoDate;
}

/** "Administrative error (42 CFR 424.44(b)(1)), notice dated 03/20/2024: the filing deadline runs to 09/30/2024." */
export function filingExceptionText(exception: AppliedFilingException): string {
  return `${exception.name} (${exception.citation}), notice dated ${usDate(dayOf(exception.noticeDate))}: the filing deadline runs to ${usDate(dayOf(exception.deadline))}.`;
}

const EXCEPTIONS_IN_WORDS = 'an administrative error, retroactive Medicare entitlement, retroactive entitlement with the state Medicaid agency recouping its payment, or retroactive disenrollment from a Medicare Advantage plan or PACE';
const WHERE_TO_RECORD = 'record it on the Claim step, under Dates, "Exception to the filing limit (Medicare)", with the date of the notice: the deadline then moves to the end of the 6th month after the month of the notice';

/**
 * The exception recorded in the packet, checked: it applies only to Medicare, and its notice is dated
 * between the date of service and today. `undefined` when none is recorded or it cannot apply.
 */
function readException(ctx: ClaimContext, serviceDay: DayNumber | undefined, todayDay: DayNumber | undefined): { reason: FilingException; noticeDay: DayNumber } | undefined {
  const recorded = ctx.packet.dates?.filingException;
  const reason = recorded?.reason;
  const notice = recorded?.noticeDate;
  const base = 'dates.filingException';
  const noticeDay = checkDate(ctx, `${base}.noticeDate`, notice);
  if (reason === undefined) {
    if (!isBlank(notice)) ctx.findings.push(finding('filingExceptionReasonMissing', `${base}.reason`));
    return undefined;
  }
  if (isBlank(notice)) ctx.findings.push(finding('filingExceptionNoticeMissing', `${base}.noticeDate`));
  let applies = true;
  if (ctx.profile !== undefined && !isMedicare(ctx.profile)) {
    ctx.findings.push(finding('filingExceptionNotMedicare', `${base}.reason`, { profile: ctx.profile.name }));
    applies = false;
  }
  if (noticeDay === undefined) return undefined;
  if (todayDay !== undefined && noticeDay > todayDay) {
    ctx.findings.push(finding('filingExceptionNoticeFuture', `${base}.noticeDate`, { notice: usDate(noticeDay) }));
    applies = false;
  }
  if (serviceDay !== undefined && noticeDay < serviceDay) {
    ctx.findings.push(finding('filingExceptionNoticeBeforeService', `${base}.noticeDate`, { notice: usDate(noticeDay), service: usDate(serviceDay) }));
    applies = false;
  }
  return applies ? { reason, noticeDay } : undefined;
}

/**
 * Checks the filing limit: the claim is sent on the planned date, or today if that is later. Gives
 * back the deadline for the evaluation (`null` until the date of service and the payer are known).
 */
export function checkTimelyFiling(ctx: ClaimContext, serviceDay: DayNumber | undefined, todayDay: DayNumber | undefined): TimelyFiling | null {
  const planned = checkDate(ctx, 'dates.plannedSubmission', ctx.packet.dates?.plannedSubmission);
  const recorded = readException(ctx, serviceDay, todayDay);
  if (serviceDay === undefined) return null;
  if (planned !== undefined && planned < serviceDay) {
    ctx.findings.push(finding('submissionBeforeService', 'dates.plannedSubmission'));
    return null;
  }
  const profile = ctx.profile;
  if (profile === undefined) return null;
  const sent = laterDay(planned ?? todayDay ?? serviceDay, todayDay ?? serviceDay);
  const t = profile.timelyFiling;
  const due = 'months' in t ? addMonths(serviceDay, t.months) : addDays(serviceDay, t.days);
  // A custom limit of thousands of years ends after any date the claim can be sent on; looking for
  // the next workday from a day number past 2^53 would never end (there, day + 1 === day).
  if (due > LAST_DAY) return null;
  const toWorkday = movesDeadlineToWorkday(profile) ? nextWorkday : (day: DayNumber) => day;
  const limitDeadline = toWorkday(due);
  const limit = filingLimitText(profile);
  const applied = recorded === undefined ? undefined
    : { ...recorded, ...FILING_EXCEPTION_NAMES[recorded.reason], deadline: toWorkday(lastDayOfMonthAfter(recorded.noticeDay, EXCEPTION_MONTHS)) };
  const exception: AppliedFilingException | null = applied === undefined ? null : {
    reason: applied.reason, name: applied.name, citation: applied.citation, noticeDate: isoOfDay(applied.noticeDay), deadline: isoOfDay(applied.deadline),
  };
  const deadline = laterDay(limitDeadline, applied?.deadline ?? limitDeadline);
  if (applied !== undefined && sent <= limitDeadline) {
    ctx.findings.push(finding('filingExceptionNotNeeded', 'dates.filingException.reason', { deadline: usDate(limitDeadline) }));
  }
  if (sent > deadline) {
    const next = applied !== undefined
      ? `The exception recorded (${applied.name.toLowerCase()}, notice dated ${usDate(applied.noticeDay)}) runs to ${usDate(applied.deadline)}, which has passed too.`
      : isMedicare(profile)
        ? `If one of the exceptions of 42 CFR 424.44(b) applies (${EXCEPTIONS_IN_WORDS}), ${WHERE_TO_RECORD}.`
        : "The exceptions of 42 CFR 424.44(b) are Medicare's: ask this payer whether it takes the claim late.";
    ctx.findings.push(finding('timelyFilingExpired', 'dates.plannedSubmission', { deadline: usDate(limitDeadline), limit, next }));
  } else if (daysBetween(sent, deadline) <= NEAR_DEADLINE_DAYS) {
    const extended = deadline === limitDeadline || applied === undefined ? '' : `, extended by the exception recorded (${applied.name.toLowerCase()}),`;
    ctx.findings.push(finding('timelyFilingNear', 'dates.plannedSubmission', { deadline: usDate(deadline), days: daysBetween(sent, deadline), limit, extended }));
  }
  return { limit, limitDeadline: isoOfDay(limitDeadline), exception, deadline: isoOfDay(deadline) };
}
