/** Runs once when the server starts (Next.js instrumentation hook), before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installFrontDoor } = await import("./server/front-door");
    installFrontDoor();
  }
}
