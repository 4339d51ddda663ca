import { applyParametersSchema } from "@/lib/history/schemas";
import { handle, readJson } from "@/server/http";
import { applyParameters } from "@/server/use-cases/parameters/apply-parameters";
import { currentParameters } from "@/server/use-cases/parameters/current-parameters";
import { resetParameters } from "@/server/use-cases/parameters/reset-parameters";

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
