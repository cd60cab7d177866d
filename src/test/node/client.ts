// A TypeScript client built on types generated from the committed spec (openapi-typescript), using
// Node's own fetch. It reads as a dashboard or a watchdog app would; `tsc --strict` must accept it,
// and GeneratedTypeScriptClientTest runs it against the service (OVERSIGHT_API is its base URL).
import type { components, paths } from "./generated/api.js";

type DeploymentPage = paths["/api/v1/deployments"]["get"]["responses"]["200"]["content"]["application/json"];
type Deployment = components["schemas"]["Deployment"];
type RevisionList = components["schemas"]["RevisionList"];
type ChangePage = paths["/api/v1/changes"]["get"]["responses"]["200"]["content"]["application/json"];
type ListQuery = NonNullable<paths["/api/v1/deployments"]["get"]["parameters"]["query"]>;

const base = process.env.OVERSIGHT_API ?? "http://localhost:8080";

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(base + path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

function query(parameters: ListQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) {
        search.append(name, String(item));
      }
    }
  }
  return search.toString();
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

async function main(): Promise<void> {
  // 1. every deployment in three countries, one page at a time, following next_cursor to the end
  const countries: ListQuery["country"] = ["TJ", "UA", "KG"];
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const parameters: ListQuery = { country: countries, limit: 1, ...(cursor ? { cursor } : {}) };
    const page: DeploymentPage = await getJson<DeploymentPage>(`/api/v1/deployments?${query(parameters)}`);
    for (const deployment of page.data) {
      check(countries.includes(deployment.country.code), `unexpected country ${deployment.country.code}`);
      ids.push(deployment.id);
    }
    cursor = page.next_cursor;
  } while (cursor !== null);
  check(ids.length === new Set(ids).size, "a deployment was served twice");

  // 2. one deployment, every claim with its citations
  const first = ids[0];
  check(first !== undefined, "no deployment listed");
  const deployment = await getJson<Deployment>(`/api/v1/deployments/${first}`);
  check(deployment.citations.length > 0, "the deployment cites no source");
  const cited = deployment.citations.map((c) => c.source.url ?? c.source.title);

  // 3. its history, and the change feed from the start
  const history = await getJson<RevisionList>(`/api/v1/deployments/${first}/history`);
  check(history.data.length > 0 && history.data.every((r) => r.entity_id === first), "history of another record");
  const feed = await getJson<ChangePage>("/api/v1/changes?limit=5");
  check(feed.data.length === 5 && feed.next_cursor.length > 0, "the feed must page and say where to poll next");

  console.log(JSON.stringify({ deployments: ids.length, title: deployment.title, cited: cited.length,
    revisions: history.data.length, changes: feed.data.length }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
