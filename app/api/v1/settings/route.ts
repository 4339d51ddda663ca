import { saveSettingsSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { getSettings } from "@/server/use-cases/settings/get-settings";
import { saveSettings } from "@/server/use-cases/settings/save-settings";

export const dynamic = "force-dynamic";

export async function GET() {
  return handle(() => getSettings());
}

export async function PUT(request: Request) {
  return handle(async () => saveSettings({ settings: await readJson(request, saveSettingsSchema) }));
}
