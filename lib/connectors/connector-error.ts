// A failure the person running a connector must act on (a missing or under-scoped token, an
// exhausted rate limit, an unreachable API): the message says what happened, the hint what to do.
// Any failure means nothing is imported.
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
