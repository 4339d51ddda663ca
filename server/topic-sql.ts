/** SQL for topic paths, which cards store as JSON.stringify(path) (see import-content). */

/** Escapes LIKE wildcards for `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A condition matching a topic and its sub-topics: the path's JSON itself, or the path's
 * JSON without its closing bracket followed by "," (whole headings only: "调度" is not
 * "调度器"). Bind the returned parameters by name.
 */
export function topicCondition(path: string[], column: string): { sql: string; params: { topicExact: string; topicPrefix: string } } {
  const { sql, params } = namedTopicCondition(path, column, "topic");
  return { sql, params: { topicExact: params.topicExact!, topicPrefix: params.topicPrefix! } };
}

/**
 * The two values a topic and its sub-topics are matched with: the path's JSON itself, and the
 * LIKE pattern (wildcards escaped with a backslash) of the path's JSON without its closing bracket followed by ",".
 */
export function topicPatterns(path: string[]): { exact: string; prefix: string } {
  const exact = JSON.stringify(path);
  return { exact, prefix: `${escapeLike(exact.slice(0, -1))},%` };
}

/** topicCondition with parameters named `${name}Exact` and `${name}Prefix`, to combine several. */
export function namedTopicCondition(path: string[], column: string, name: string): { sql: string; params: Record<string, string> } {
  const { exact, prefix } = topicPatterns(path);
  return {
    sql: `(${column} = @${name}Exact OR ${column} LIKE @${name}Prefix ESCAPE '\\')`,
    params: { [`${name}Exact`]: exact, [`${name}Prefix`]: prefix },
  };
}
