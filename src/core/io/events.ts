/** The AWS-event log line of S6: `# AWS Event: 2024-05-01 13:04:05.123 <message>` (UTC). */
export function formatAwsEvent(at: Date, message: string): string {
  return `# AWS Event: ${formatUtcTimestamp(at)} ${message}`;
}

/** `yyyy-MM-dd HH:mm:ss.SSS` in UTC. Throws a RangeError for an invalid date. */
export function formatUtcTimestamp(at: Date): string {
  const iso = at.toISOString(); // 2024-05-01T13:04:05.123Z (throws RangeError when invalid)
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
