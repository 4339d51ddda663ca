import { deckOptionsSchema, type DeckOptions } from "@/lib/deck-options";
import { db as defaultDb, type Db } from "../../db";
import { ConflictError, NotFoundError, ValidationError } from "../../errors";
import { deckPresetId, insertPreset, presetExists, presetNamed, setDeckPreset, updatePresetOptions } from "../../store/presets";
import { getDeckOptions, type DeckOptionsView } from "./get-deck-options";

export interface SaveDeckOptions {
  deckId: string;
  options: DeckOptions;
  /** save into this existing preset (shared by every deck using it) */
  presetId?: number;
  /** or create a new preset with this name and use it for this deck */
  newPresetName?: string;
  now?: Date;
  db?: Db;
}

/** Saves options into a preset (existing or new) and points the deck at it, in one transaction. */
export async function saveDeckOptions(input: SaveDeckOptions): Promise<DeckOptionsView> {
  const database = input.db ?? defaultDb();
  const { sqlite } = database;
  const now = input.now ?? new Date();
  const opts = deckOptionsSchema.parse(input.options);
  sqlite
    .transaction(() => {
      const current = deckPresetId(sqlite, input.deckId);
      if (current === null) throw new NotFoundError(`no deck with id ${input.deckId}`);
      let presetId = input.presetId ?? current;
      if (input.newPresetName !== undefined) {
        const name = input.newPresetName.trim();
        if (name === "") throw new ValidationError("a new preset needs a name");
        if (presetNamed(sqlite, name)) throw new ConflictError(`a preset named ${name} already exists`);
        presetId = insertPreset(sqlite, name, opts, now);
      } else {
        if (!presetExists(sqlite, presetId)) throw new NotFoundError(`no preset with id ${presetId}`);
        updatePresetOptions(sqlite, presetId, opts, now);
      }
      setDeckPreset(sqlite, input.deckId, presetId);
    })
    .immediate();
  return getDeckOptions({ deckId: input.deckId, db: database });
}
