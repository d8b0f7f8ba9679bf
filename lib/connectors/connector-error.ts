// A failure the person running a connector must act on: a missing or under-scoped token (the
// message names the permission), an exhausted rate limit, an API that cannot be reached. The
// runner reports it with its hint and writes nothing.
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}
