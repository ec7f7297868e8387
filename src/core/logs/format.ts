/**
 * How a CloudWatch log event is printed into the step log. A message may hold several lines (multiline
 * patterns); each gets the `[<task>/<container>] ` prefix when the run has several sources. A line that would
 * read as a GitHub workflow command (`::add-mask::`, `::set-output`, ... the runner also accepts them after
 * leading spaces) always gets the prefix, so a container cannot issue commands to the runner through its logs.
 */
export function formatLogLines(message: string, prefix: string, alwaysPrefix: boolean): string[] {
  const lines = message.replace(/\r?\n$/, '').split(/\r?\n/);
  return lines.map((line) => (alwaysPrefix || /^\s*::/.test(line) ? `${prefix}${line}` : line));
}
