/**
 * Renders an action's raw stdout (workflow commands) the way the Actions log shows it: groups as ▼ headings with
 * indented bodies, ::error:: / ::warning:: / ::notice:: as labelled lines, ::debug:: hidden, masks applied.
 */
export function renderActionsLog(raw: string): string {
  const out: string[] = [];
  let inGroup = false;
  for (const line of raw.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    if (command === null) {
      if (line !== '' || inGroup) out.push(inGroup ? `    ${line}` : line);
      continue;
    }
    const [, name, message = ''] = command;
    const text = decodeCommandValue(message);
    switch (name) {
      case 'group':
        out.push(`▼ ${text}`);
        inGroup = true;
        break;
      case 'endgroup':
        inGroup = false;
        break;
      case 'error':
        out.push(`${inGroup ? '    ' : ''}Error: ${text}`);
        break;
      case 'warning':
        out.push(`${inGroup ? '    ' : ''}Warning: ${text}`);
        break;
      case 'notice':
        out.push(`${inGroup ? '    ' : ''}Notice: ${text}`);
        break;
      default:
        // ::debug::, ::add-mask:: and the like are not shown in the log.
        break;
    }
  }
  while (out.length > 0 && out[out.length - 1]?.trim() === '') out.pop();
  return out.join('\n');
}

function decodeCommandValue(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
