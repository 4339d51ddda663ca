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
  const exact = JSON.stringify(path);
  return {
    sql: `(${column} = @topicExact OR ${column} LIKE @topicPrefix ESCAPE '\\')`,
    params: { topicExact: exact, topicPrefix: `${escapeLike(exact.slice(0, -1))},%` },
  };
}
