// `npm run doctor`: checks the set-up the README describes and says what to fix. Exit code 1 when anything
// is wrong (✗), so it can gate a deployment script; "–" marks what was not checked, and why.
import { ConfigError, loadEnv, parseConfig } from './config.ts';
import { formatFindings, runDoctor } from './doctor-checks.ts';

console.log('Azamat doctor: checks the set-up described in README.md, "Running in production".\n');
let config;
try {
  config = parseConfig(loadEnv(process.env, process.cwd()));
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.log(
    `✗ configuration: ${e.issues.length} wrong value(s)\n${e.issues.map((i) => `    ${i}`).join('\n')}\n    fix: correct them in .env or the environment (README, "Configuration")`,
  );
  process.exit(1);
}
const findings = await runDoctor(config);
console.log(formatFindings(findings));
const wrong = findings.filter((f) => f.ok === false).length;
console.log(wrong === 0 ? '\nEverything checked is in order.' : `\n${wrong} thing(s) to fix.`);
process.exit(wrong === 0 ? 0 : 1);
