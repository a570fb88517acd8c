/** A fetch that records every request it is handed and answers 200 `{}`. */
export function recordingFetch() {
  const requests: Request[] = [];
  const fetch = async (input: Request): Promise<Response> => {
    requests.push(input);
    return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
  };
  return { fetch, requests };
}
