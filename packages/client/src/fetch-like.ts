/** What the client sends requests with: the platform `fetch`, or a wrapper of it (auth, retries). */
export type FetchLike = (request: Request) => Promise<Response>;
