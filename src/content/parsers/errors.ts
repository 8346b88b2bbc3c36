/** An input problem, located so that an editor can fix it. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'ParseError';
  }
}

/** A file's problems as one error naming the first five (a file with any bad part imports nothing). */
export function throwIfAny(errors: string[]): void {
  if (errors.length === 0) return;
  const more = errors.length > 5 ? `; and ${errors.length - 5} more` : '';
  throw new ParseError(`${errors.slice(0, 5).join('; ')}${more}`);
}
