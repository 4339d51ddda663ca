/** Runs once when the server starts (Next.js instrumentation hook), before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installFrontDoor } = await import("./server/front-door");
    installFrontDoor();
    // `npm start` asks for it: the notes folder is watched and a changed deck file imported again
    if (process.env.MIANSHI_WATCH_NOTES === "1") {
      const { startNotesWatcher } = await import("./server/notes-watcher");
      startNotesWatcher();
    }
  }
}
