import { describe, expect, it } from "vitest";
import {
  binOf,
  buildFsrsItems,
  compareMetrics,
  cardHistories,
  DEFAULT_PARAMETERS,
  fixedOffsetDays,
  logLoss,
  metricsOf,
  predictHistory,
  rmseBins,
  splitByTime,
  studyDays,
  type Prediction,
} from "../../lib/fsrs-metrics";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 4, 1, 12); // noon UTC
const utcDays = fixedOffsetDays(4, 0);

describe("log loss", () => {
  it("is the mean binary cross-entropy", () => {
    // -(ln 0.8 + ln 0.6) / 2
    expect(logLoss([{ y: 1, p: 0.8 }, { y: 0, p: 0.4 }])).toBeCloseTo(0.3669845875, 9);
    expect(logLoss([{ y: 1, p: 1 }])).toBeCloseTo(0, 12);
  });
  it("stays finite for a certain wrong prediction, and is NaN for nothing", () => {
    const l = logLoss([{ y: 0, p: 1 }]);
    expect(Number.isFinite(l)).toBe(true);
    expect(l).toBeGreaterThan(30);
    expect(logLoss([])).toBeNaN();
  });
});

describe("RMSE(bins), as srs-benchmark defines it", () => {
  it("bins elapsed days, review number and lapses on logarithmic scales", () => {
    expect(binOf({ elapsedDays: 1, i: 2, lapses: 0 })).toBe("2.48|4|0");
    expect(binOf({ elapsedDays: 2, i: 3, lapses: 0 })).toBe("2.48|4|0");
    expect(binOf({ elapsedDays: 13, i: 2, lapses: 1 })).toBe("8.98|4|2");
    expect(binOf({ elapsedDays: 14, i: 7, lapses: 3 })).toBe("32.5|13|5");
    expect(binOf({ elapsedDays: 0.5, i: 1, lapses: 0 })).toBe("0.69|2|0");
  });

  it("compares mean outcome and mean prediction per bin, weighted by bin size", () => {
    const preds: Prediction[] = [
      { y: 1, p: 0.9, elapsedDays: 1, i: 2, lapses: 0 }, // bin 2.48|4|0
      { y: 0, p: 0.7, elapsedDays: 2, i: 3, lapses: 0 }, // same bin: mean y 0.5, mean p 0.8
      { y: 1, p: 0.6, elapsedDays: 5, i: 2, lapses: 1 }, // bin 8.98|4|2: y 1, p 0.6
    ];
    // sqrt((2 * 0.3^2 + 1 * 0.4^2) / 3)
    expect(rmseBins(preds)).toBeCloseTo(0.3366501646, 9);
    // a perfectly calibrated bin costs nothing even though single predictions miss
    expect(rmseBins(preds.slice(0, 1).concat({ y: 0, p: 0.1, elapsedDays: 1, i: 2, lapses: 0 }))).toBeCloseTo(0, 12);
    expect(metricsOf(preds)).toEqual({ logLoss: logLoss(preds), rmseBins: rmseBins(preds), count: 3 });
  });
});

describe("splitting a history by time", () => {
  it("trains on the oldest 80% and tests on the newest 20%, whatever the input order", () => {
    const reviews = [5, 1, 9, 3, 7, 2, 8, 4, 10, 6].map((d) => ({ cardId: "c", rating: 3, reviewedAt: T0 + d * DAY }));
    const { train, test, cutoff } = splitByTime(reviews);
    expect(train.map((r) => (r.reviewedAt - T0) / DAY)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(test.map((r) => (r.reviewedAt - T0) / DAY)).toEqual([9, 10]);
    expect(cutoff).toBe(T0 + 9 * DAY);
    expect(() => splitByTime(reviews, 1)).toThrow(RangeError);
  });
});

describe("FSRS items from a history", () => {
  const history = [
    { cardId: "a", rating: 3, reviewedAt: T0 },
    { cardId: "b", rating: 1, reviewedAt: T0 + 1000 },
    { cardId: "a", rating: 3, reviewedAt: T0 + 3600_000 }, // same day
    { cardId: "a", rating: 1, reviewedAt: T0 + 2 * DAY },
    { cardId: "b", rating: 3, reviewedAt: T0 + 15 * 3600_000 }, // 03:00 UTC next calendar day: still the same study day
    { cardId: "a", rating: 3, reviewedAt: T0 + 5 * DAY },
  ];

  it("counts elapsed study days from the rollover hour", () => {
    const [a, b] = cardHistories(history, utcDays);
    expect(a!.map((r) => r.deltaT)).toEqual([0, 0, 2, 3]);
    expect(b!.map((r) => r.deltaT)).toEqual([0, 0]);
    // with the day starting at midnight the 03:00 review is a day later
    expect(cardHistories(history, fixedOffsetDays(0, 0))[1]!.map((r) => r.deltaT)).toEqual([0, 1]);
  });

  it("makes one item per review on a later day, holding the card's history up to it", () => {
    expect(buildFsrsItems(history, utcDays)).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 2 },
        { rating: 3, deltaT: 3 },
      ],
    ]);
    // only the items of the reviews picked
    expect(buildFsrsItems(history, utcDays, (r) => r.reviewedAt < T0 + 3 * DAY)).toHaveLength(1);
  });

  it("studyDays follows a time zone across a DST change", () => {
    const la = studyDays("America/Los_Angeles", 4);
    // 2024-03-10 is the spring-forward day in Los Angeles: 04:00 is 12:00 UTC before it, 11:00 UTC after
    const before = Date.UTC(2024, 2, 9, 12, 30); // 04:30 PST on the 9th
    const early = Date.UTC(2024, 2, 10, 10, 30); // 03:30 PDT on the 10th: still the 9th's study day
    const after = Date.UTC(2024, 2, 10, 11, 30); // 04:30 PDT on the 10th
    expect(la(early) - la(before)).toBe(0);
    expect(la(after) - la(before)).toBe(1);
    expect(la(after + 7 * DAY) - la(after)).toBe(7);
  });
});

describe("predicting a history", () => {
  it("predicts reviews on later days with FSRS's forgetting curve, counting review number and lapses", () => {
    const reviews = [
      { cardId: "a", rating: 3, reviewedAt: T0 },
      { cardId: "a", rating: 3, reviewedAt: T0 + 3 * DAY },
      { cardId: "a", rating: 1, reviewedAt: T0 + 10 * DAY },
      { cardId: "a", rating: 3, reviewedAt: T0 + 10 * DAY + 600_000 }, // same day: not predicted
      { cardId: "a", rating: 3, reviewedAt: T0 + 12 * DAY },
    ];
    const preds = predictHistory(reviews, DEFAULT_PARAMETERS, utcDays);
    expect(preds.map(({ y, elapsedDays, i, lapses }) => ({ y, elapsedDays, i, lapses }))).toEqual([
      { y: 1, elapsedDays: 3, i: 2, lapses: 0 },
      { y: 0, elapsedDays: 7, i: 3, lapses: 0 },
      { y: 1, elapsedDays: 2, i: 4, lapses: 1 },
    ]);
    // after a first Good the stability is w[2] = 2.3065: R = (1 + factor * 3 / 2.3065)^-w[20], factor = 0.9^(-1/w[20]) - 1
    expect(preds[0]!.p).toBeCloseTo(0.880947956, 7);
    expect(preds.every((p) => p.p > 0 && p.p < 1)).toBe(true);
    // include picks what is predicted, the history still counts
    expect(predictHistory(reviews, DEFAULT_PARAMETERS, utcDays, (r) => r.reviewedAt > T0 + 11 * DAY)).toEqual([preds[2]]);
  });
});

describe("compareMetrics (issue item 11: log loss worse, RMSE better, and no word on which to trust)", () => {
  const m = (logLoss: number, rmseBins: number) => ({ logLoss, rmseBins, count: 1000 });
  it("judges mainly on log loss: worse log loss is worse, however much RMSE improved", () => {
    expect(compareMetrics(m(0.45, 0.064), m(0.46, 0.03)).verdict).toBe("worse");
    expect(compareMetrics(m(0.45, 0.03), m(0.44, 0.064)).verdict).toBe("better");
  });
  it("calls a log loss within half a percent about the same, unless RMSE moved by more than a tenth", () => {
    // josh's history against FSRS-6's defaults: 0.4517 → 0.4518, RMSE 0.0640 → 0.0605
    const josh = compareMetrics(m(0.4517, 0.064), m(0.4518, 0.0605));
    expect(josh.verdict).toBe("same");
    expect(josh.logLossChange).toBeCloseTo(0.0001 / 0.4517, 8);
    expect(josh.rmseChange).toBeCloseTo(-0.0035 / 0.064, 8);
    expect(compareMetrics(m(0.4517, 0.064), m(0.4518, 0.05)).verdict).toBe("better");
    expect(compareMetrics(m(0.4517, 0.05), m(0.4518, 0.064)).verdict).toBe("worse");
  });
});
