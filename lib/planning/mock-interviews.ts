/**
 * When to hold a mock interview before the real one (issue 16): a rehearsal shows what a card
 * review does not (saying it aloud, in order, against the clock), and like reviews it works best
 * spaced out. The last one lands two days before the interview, late enough to rehearse what was
 * learnt and early enough to mend what it shows; the earlier ones go back from it with gaps
 * that double (3, 6, 12 days), at most four in all, none before today.
 */

/** The most mock interviews suggested before one date. */
export const MAX_MOCK_INTERVIEWS = 4;
/** The last one is this many study days before the interview's day. */
export const LAST_MOCK_BEFORE = 2;

/**
 * The study days (0 = today) to hold a mock interview on, earliest first, for an interview
 * `daysLeft` study days away (today included, as Plan.daysLeft counts them). None when no
 * study day is left.
 */
export function mockInterviewDays(daysLeft: number): number[] {
  if (!Number.isFinite(daysLeft) || daysLeft < 1) return [];
  const days = [Math.max(0, Math.floor(daysLeft) - LAST_MOCK_BEFORE)];
  for (let gap = 3; days.length < MAX_MOCK_INTERVIEWS; gap *= 2) {
    const earlier = days[0]! - gap;
    if (earlier < 0) break;
    days.unshift(earlier);
  }
  return days;
}
