/**
 * The only shell the harness runs: a `run:` script whose every line is an `echo` of literal text (after the runner
 * substituted the `${{ }}` expressions), printed or appended to `$GITHUB_OUTPUT`, `$GITHUB_ENV` or
 * `$GITHUB_STEP_SUMMARY`. Anything else (a variable, a pipe, a command) makes the script unsupported, and the
 * step is skipped with a log line.
 */
export type EchoTarget = 'stdout' | 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STEP_SUMMARY';

export interface EchoLine {
  text: string;
  target: EchoTarget;
}

const TARGET = /^>>\s*(?:"\$\{?(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_STEP_SUMMARY)\}?"|\$\{?(GITHUB_OUTPUT|GITHUB_ENV|GITHUB_STEP_SUMMARY)\}?)$/;

/** One argument list of echo: a quoted string or plain words, with no shell expansion left in it. */
function echoArgs(args: string): string | undefined {
  const single = /^'([^']*)'$/.exec(args);
  if (single) return single[1];
  const double = /^"([^"$`\\]*)"$/.exec(args);
  if (double) return double[1];
  if (/^[^'"$`\\|;&<>()*?[\]{}~]*$/.test(args)) return args.trim().split(/\s+/).join(' ');
  return undefined;
}

/** The script's lines when it is echo-only; undefined when it is anything else. */
export function parseEchoScript(script: string): EchoLine[] | undefined {
  const lines: EchoLine[] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^echo\s+(.*?)\s*(>>\s*\S+)?$/.exec(line);
    if (!m) return undefined;
    const text = echoArgs(m[1] ?? '');
    if (text === undefined) return undefined;
    if (m[2] === undefined) {
      lines.push({ text, target: 'stdout' });
      continue;
    }
    const target = TARGET.exec(m[2]);
    if (!target) return undefined;
    lines.push({ text, target: (target[1] ?? target[2]) as EchoTarget });
  }
  return lines.length === 0 ? undefined : lines;
}

/** `name=value` lines appended to GITHUB_OUTPUT or GITHUB_ENV, as a map. */
export function keyValues(lines: EchoLine[], target: EchoTarget): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    if (l.target !== target) continue;
    const at = l.text.indexOf('=');
    if (at > 0) out[l.text.slice(0, at)] = l.text.slice(at + 1);
  }
  return out;
}
