"use client";

import { useSyncExternalStore } from "react";

/** The browser's zone does not change while the page is open (a reload picks up a new one). */
const noSubscription = () => () => {};

/**
 * The browser's time zone and the zones to offer. A page is rendered on the server first, which
 * knows the browser's zone only from the `tz` cookie and has its own list of zones: both come
 * from the server (`serverGuess`, `serverZones`) so the first render in the browser matches it
 * (no hydration error), and the browser's own zone replaces the guess once mounted.
 */
export function useBrowserZone(serverGuess: string, serverZones: readonly string[]): { browserZone: string; zones: readonly string[] } {
  const browserZone = useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone, () => serverGuess);
  const zones = serverZones.includes(browserZone) ? serverZones : [...serverZones, browserZone].sort();
  return { browserZone, zones };
}

/** A time zone picker whose first choice ("" ) follows the browser's zone. */
export function TimeZoneSelect({ value, onChange, zones, followLabel, testId }: { value: string; onChange: (zone: string) => void; zones: readonly string[]; followLabel: string; testId: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{followLabel}</option>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </select>
  );
}
