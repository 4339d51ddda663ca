import { saveSettingsSchema } from "@/lib/api-schemas";
import { handle, readJson } from "@/server/http";
import { getSettings, saveSettings } from "@/server/use-cases/settings";

export const dynamic = "force-dynamic";

export async function GET() {
  return handle(() => getSettings());
}

export async function PUT(request: Request) {
  return handle(async () => saveSettings({ settings: await readJson(request, saveSettingsSchema) }));
}
