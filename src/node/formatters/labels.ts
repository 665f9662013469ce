/** The one wording of severities in human-readable formats. */
export function severityLabel(severity: 1 | 2): string {
  return severity === 2 ? '错误' : '警告';
}
