import { ensureBuilt } from "../../scripts/lib/setup";

export default function globalSetup() {
  ensureBuilt();
}
