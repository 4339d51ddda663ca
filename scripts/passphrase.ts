/**
 * `npm run passphrase`: reads a passphrase from standard input and prints its scrypt hash, to
 * set as MIANSHI_PASSPHRASE_HASH (so that the passphrase itself is stored nowhere).
 */
import readline from "node:readline";
import { hashPassphrase } from "../server/auth";

async function main() {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write("passphrase (echoed; or pipe it in): ");
  const line = await new Promise<string>((resolve) => rl.once("line", resolve).once("close", () => resolve("")));
  rl.close();
  if (line.length < 8) throw new Error("a passphrase needs at least 8 characters");
  console.log(await hashPassphrase(line));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
