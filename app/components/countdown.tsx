"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/** Moments announced to screen readers (seconds left); the visible clock is not read out every second. */
const ANNOUNCE_AT = [600, 300, 120, 60, 30, 10];

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * Time left until a deadline kept by the server. `offsetMs` is the server's time minus the
 * browser's, so a wrong browser clock does not change the deadline. Calls onExpire once.
 */
export function Countdown({ deadline, offsetMs, onExpire }: { deadline: number; offsetMs: number; onExpire: () => void }) {
  const t = useTranslations("quiz");
  const left = () => deadline - (Date.now() + offsetMs);
  const [remaining, setRemaining] = useState(left);
  // red for the last minute, or the last fifth of a shorter limit: not from the first second of a one-minute question
  const [total] = useState(left);
  const [announcement, setAnnouncement] = useState("");
  const expired = useRef(false);
  const lastAnnounced = useRef<number | null>(null);
  const tick = useEffectEvent(() => {
    const ms = left();
    setRemaining(ms);
    const seconds = Math.ceil(ms / 1000);
    const due = ANNOUNCE_AT.find((a) => seconds <= a && (lastAnnounced.current === null || a < lastAnnounced.current));
    if (due !== undefined && seconds > 0) {
      lastAnnounced.current = due;
      setAnnouncement(due >= 60 ? t("minutesLeft", { minutes: Math.round(due / 60) }) : t("secondsLeft", { seconds: due }));
    }
    if (ms <= 0 && !expired.current) {
      expired.current = true;
      setAnnouncement(t("timeUp"));
      onExpire();
    }
  });
  useEffect(() => {
    // the first announcement is the time left when the quiz opens
    // moments already behind count as announced: the smallest one not below the time left
    const seconds = Math.ceil(left() / 1000);
    lastAnnounced.current = [...ANNOUNCE_AT].reverse().find((a) => a >= seconds) ?? null;
    const timer = setInterval(() => tick(), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only for another deadline
  }, [deadline, offsetMs]);
  return (
    <div className={`countdown${remaining <= Math.min(60_000, total * 0.2) ? " urgent" : ""}`} data-testid="countdown">
      <span role="timer" aria-label={t("timeLeftLabel")} data-testid="quiz-countdown">
        {mmss(remaining)}
      </span>
      <span className="visually-hidden" aria-live="assertive" data-testid="quiz-countdown-announcement">
        {announcement}
      </span>
    </div>
  );
}
