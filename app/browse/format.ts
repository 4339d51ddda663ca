/**
 * Labels and formats shared by the card browser's pages (server components), in the request's
 * language: labels come from messages (namespaces kinds, states, flags, ratings, sources),
 * dates and numbers from next-intl's formatter with the named formats of i18n/config.ts.
 */
import { getFormatter, getTranslations } from "next-intl/server";
import { isCardKind } from "@/app/components/card-data";
import type { StateName } from "@/lib/scheduling";

/** Anki's flags: 0 none, then red, orange, green, blue. */
export const FLAGS = [0, 1, 2, 3, 4] as const;
const isFlag = (n: number): n is (typeof FLAGS)[number] => (FLAGS as readonly number[]).includes(n);
const isRating = (n: number): n is 1 | 2 | 3 | 4 => n === 1 || n === 2 || n === 3 || n === 4;

/** Where a review came from (Review.source): the study screen, an imported history, a quiz, an interview's missed facts. */
const REVIEW_SOURCES = ["study", "import", "quiz", "interview"] as const;
const isReviewSource = (s: string): s is (typeof REVIEW_SOURCES)[number] => (REVIEW_SOURCES as readonly string[]).includes(s);

export async function labels() {
  const [kinds, states, flags, ratings, sources, common, format] = await Promise.all([
    getTranslations("kinds"),
    getTranslations("states"),
    getTranslations("flags"),
    getTranslations("ratings"),
    getTranslations("sources"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const none = common("none");
  return {
    none,
    kind: (kind: string) => (isCardKind(kind) ? kinds(kind) : kind),
    state: (state: StateName) => states(state),
    flag: (flag: number) => (isFlag(flag) ? flags(String(flag) as `${typeof flag}`) : String(flag)),
    rating: (rating: number) => (isRating(rating) ? ratings(String(rating) as `${typeof rating}`) : String(rating)),
    source: (source: string) => (isReviewSource(source) ? sources(source) : source),
    yesNo: (v: boolean) => (v ? common("yes") : common("no")),
    date: (iso: string | null) => (iso === null ? none : format.dateTime(new Date(iso), "dateTime")),
    number: (n: number) => format.number(n, "decimal"),
    percent: (n: number) => format.number(n, "percent"),
    duration: (ms: number | null) => (ms === null ? none : format.number(ms / 1000, "seconds")),
  };
}
