import { applyParametersSchema } from "@/lib/history/schemas";
import { handle, readJson } from "@/server/http";
import { applyParameters, currentParameters, resetParameters } from "@/server/use-cases/optimize-parameters";

export const dynamic = "force-dynamic";

/** The FSRS parameters in use (personal ones when applied, else FSRS-6's defaults). */
export async function GET() {
  return handle(async () => ({ parameters: await currentParameters() }));
}

/** Applies parameters (usually an optimization's proposal, after the user confirms). */
export async function PUT(request: Request) {
  return handle(async () => ({ parameters: await applyParameters(await readJson(request, applyParametersSchema)) }));
}

/** Back to FSRS-6's defaults. */
export async function DELETE() {
  return handle(async () => {
    await resetParameters();
    return { parameters: await currentParameters() };
  });
}
