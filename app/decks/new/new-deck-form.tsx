"use client";
/**
 * The New deck form: paste notes or choose/drop .md files (a folder, a .zip, with their images),
 * preview what they make (POST /api/v1/decks/import?preview=1, nothing written), then import.
 * Any change to the input drops the preview: what is imported is what was previewed.
 */
import Link from "next/link";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { NotesImport, NotesPreview } from "@/lib/api-schemas";
import { api, useApiErrorMessage } from "@/app/components/api-client";
import { NotesPreviewView } from "@/app/components/notes-preview";

interface Limits {
  files: number;
  markdownMb: number;
  imageMb: number;
  totalMb: number;
  images: string;
}

/** A file as sent: its path inside a chosen folder when there is one, so `images/a.png` stays beside its notes. */
const sentName = (f: File) => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;

export function NewDeckForm({ groups, limits }: { groups: string[]; limits: Limits }) {
  const t = useTranslations("newDeck");
  const errorMessage = useApiErrorMessage();
  const id = useId();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [title, setTitle] = useState("");
  const [group, setGroup] = useState("");
  const [replace, setReplace] = useState(false);
  const [preview, setPreview] = useState<NotesPreview | null>(null);
  const [done, setDone] = useState<NotesImport | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
    setDone(null);
    setProblem(null);
  };
  const addFiles = changed((list: File[]) => setFiles((old) => [...old, ...list.filter((f) => !old.some((o) => sentName(o) === sentName(f)))]));
  const removeFile = changed((name: string) => setFiles((old) => old.filter((f) => sentName(f) !== name)));
  const several = files.filter((f) => /\.(md|zip)$/i.test(f.name)).length + (text.trim() ? 1 : 0) > 1;

  const body = () => {
    const form = new FormData();
    if (text.trim()) form.append("text", text);
    if (title.trim() && !several) form.append("title", title.trim());
    form.append("group", group.trim());
    if (replace) form.append("replace", "1");
    for (const f of files) form.append("files", f, sentName(f));
    return form;
  };
  const run = async (kind: "preview" | "import") => {
    setBusy(kind);
    setProblem(null);
    try {
      if (kind === "preview") setPreview(await api<NotesPreview>("/api/v1/decks/import?preview=1", { method: "POST", body: body() }));
      else {
        setDone(await api<NotesImport>("/api/v1/decks/import", { method: "POST", body: body() }));
        setPreview(null);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const empty = !text.trim() && files.length === 0;

  return (
    <div className="new-deck">
      <form
        className="options-form new-deck-form"
        data-testid="new-deck-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run("preview");
        }}
      >
        <fieldset>
          <legend>{t("notesLegend")}</legend>
          <label htmlFor={`${id}-text`}>{t("pasteLabel")}</label>
          <textarea id={`${id}-text`} className="notes-text" rows={10} value={text} onChange={(e) => changed(setText)(e.target.value)} placeholder={t("pastePlaceholder")} data-testid="notes-text" spellCheck={false} />
          <div
            className={`drop-zone${dragging ? " dragging" : ""}`}
            data-testid="drop-zone"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              addFiles([...e.dataTransfer.files]);
            }}
          >
            <p>{t("dropHint")}</p>
            <div className="file-fields">
              <div className="field">
                <label htmlFor={`${id}-files`}>{t("chooseFiles")}</label>
                <input
                  id={`${id}-files`}
                  type="file"
                  multiple
                  accept=".md,.markdown,.zip,.png,.jpg,.jpeg,.gif,.webp,text/markdown,application/zip,image/png,image/jpeg,image/gif,image/webp"
                  data-testid="notes-files"
                  onChange={(e) => {
                    addFiles([...(e.target.files ?? [])]);
                    e.target.value = "";
                  }}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-folder`}>{t("chooseFolder")}</label>
                <input
                  id={`${id}-folder`}
                  type="file"
                  multiple
                  {...{ webkitdirectory: "" }}
                  data-testid="notes-folder"
                  onChange={(e) => {
                    addFiles([...(e.target.files ?? [])]);
                    e.target.value = "";
                  }}
                />
              </div>
            </div>
            <p className="hint">{t("limits", { ...limits })}</p>
          </div>
          {files.length > 0 ? (
            <ul className="chosen-files" aria-label={t("chosenFiles")} data-testid="chosen-files">
              {files.map((f) => (
                <li key={sentName(f)}>
                  <span className="file-name">{sentName(f)}</span>
                  <button type="button" className="small" onClick={() => removeFile(sentName(f))} aria-label={t("removeFile", { name: sentName(f) })}>
                    {t("remove")}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t("deckLegend")}</legend>
          <label htmlFor={`${id}-title`}>{t("titleLabel")}</label>
          <input id={`${id}-title`} value={title} onChange={(e) => changed(setTitle)(e.target.value)} disabled={several} maxLength={120} aria-describedby={`${id}-title-hint`} data-testid="deck-title" />
          <small id={`${id}-title-hint`} className="hint">
            {several ? t("titleSeveral") : t("titleHint")}
          </small>
          <label htmlFor={`${id}-group`}>{t("groupLabel")}</label>
          <input id={`${id}-group`} value={group} list={`${id}-groups`} onChange={(e) => changed(setGroup)(e.target.value)} maxLength={120} aria-describedby={`${id}-group-hint`} data-testid="deck-group" />
          <datalist id={`${id}-groups`}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
          <small id={`${id}-group-hint`} className="hint">
            {t("groupHint")}
          </small>
          <label className="check">
            <input type="checkbox" checked={replace} onChange={(e) => changed(setReplace)(e.target.checked)} data-testid="replace" />
            {t("replaceLabel")}
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className={preview ? "" : "primary"} disabled={empty || busy !== null} data-testid="preview-button">
            {busy === "preview" ? t("previewing") : t("preview")}
          </button>
          <button type="button" className="primary" disabled={!preview?.canImport || busy !== null} onClick={() => void run("import")} data-testid="import-button">
            {busy === "import" ? t("importing") : t("import")}
          </button>
        </div>
        {problem ? (
          <p role="alert" className="alert" data-testid="new-deck-problem">
            {problem}
          </p>
        ) : null}
      </form>
      {preview ? <NotesPreviewView preview={preview} /> : null}
      {done ? (
        <section className="import-done" aria-labelledby={`${id}-done`} data-testid="import-done" role="status">
          <h2 id={`${id}-done`}>{t("doneTitle")}</h2>
          <ul>
            {done.decks.map((d) => (
              <li key={d.deckId} data-testid="imported-deck" data-deck-id={d.deckId}>
                <strong>{d.title}</strong> <span className="hint">{d.file}</span> — {t("doneCounts", { added: d.added, updated: d.updated, retired: d.retired, unchanged: d.unchanged })}{" "}
                <Link className="button primary" href={`/study/${encodeURIComponent(d.deckId)}`} data-testid="study-imported">
                  {t("studyDeck", { deck: d.title })}
                </Link>
              </li>
            ))}
          </ul>
          {done.images.length > 0 ? <p className="hint">{t("doneImages", { count: done.images.length })}</p> : null}
          <p>
            <Link href="/">{t("backHome")}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
