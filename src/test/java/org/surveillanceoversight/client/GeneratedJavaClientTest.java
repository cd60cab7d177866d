package org.surveillanceoversight.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.auth.ApiKeyTest;
import org.surveillanceoversight.client.api.DeploymentsApi;
import org.surveillanceoversight.client.api.ExportsApi;
import org.surveillanceoversight.client.api.HistoryApi;
import org.surveillanceoversight.client.api.SourcesApi;
import org.surveillanceoversight.client.model.ChangePage;
import org.surveillanceoversight.client.model.CitationView;
import org.surveillanceoversight.client.model.Deployment;
import org.surveillanceoversight.client.model.DeploymentPage;
import org.surveillanceoversight.client.model.RevisionList;
import org.surveillanceoversight.client.model.Source;
import org.surveillanceoversight.client.model.SourceInput;
import org.surveillanceoversight.client.model.SourceKind;
import org.surveillanceoversight.contract.OpenApiContract;
import org.surveillanceoversight.seed.SeedIds;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java client generated from the committed spec (openapi-generator, library native; see the POM)
 * used as a third party would: reads, history, the change feed, a keyed write with Idempotency-Key
 * and If-Match, and a CSV export. Its JSON mapper refuses properties the spec does not declare.
 */
@QuarkusTest
public class GeneratedJavaClientTest {

    static final UUID DUSHANBE = SeedIds.of("deployment", "dushanbe-safe-city");

    @TestHTTPResource("/")
    URL base;

    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        client.setObjectMapper(client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }

    @Test
    void listsWithAFilterAndFollowsTheNextCursorToTheEnd() throws ApiException {
        DeploymentsApi deployments = new DeploymentsApi(client(null));
        List<String> countries = List.of("TJ", "UA", "KG");
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            DeploymentPage page = deployments.listDeployments(DeploymentsApi.APIListDeploymentsRequest.newBuilder()
                    .country(countries).limit(1).cursor(cursor).build());
            assertTrue(page.getData().size() <= 1);
            page.getData().forEach(d -> {
                assertTrue(countries.contains(d.getCountry().getCode()), d.getCountry().getCode());
                seen.add(d.getId());
            });
            cursor = page.getNextCursor();
        } while (cursor != null);
        List<String> all = given().queryParam("country", countries).queryParam("limit", 500)
                .get("/api/v1/deployments").then().statusCode(200).extract().path("data.id");
        assertEquals(all.size(), seen.size(), "every deployment once, page by page");
        assertEquals(new HashSet<>(all), new HashSet<>(seen.stream().map(UUID::toString).toList()));
        assertTrue(seen.contains(DUSHANBE));
    }

    @Test
    void readsOneDeploymentWithTheCitationsOfItsClaims() throws ApiException {
        Deployment dushanbe = new DeploymentsApi(client(null)).getDeployment(DUSHANBE, null);
        assertEquals("TJ", dushanbe.getCountry().getCode());
        assertFalse(dushanbe.getCitations().isEmpty());
        for (CitationView citation : dushanbe.getCitations()) {
            assertNotNull(citation.getSource().getId());
            assertNotNull(citation.getSource().getTitle());
        }
        assertFalse(dushanbe.getFinancing().isEmpty(), "the Eximbank loans");
        dushanbe.getFinancing().forEach(f -> assertFalse(f.getCitations().isEmpty(), "every financing claim is cited"));
    }

    @Test
    void readsAHistoryAndFollowsTheChangeFeed() throws ApiException {
        RevisionList history = new DeploymentsApi(client(null)).getDeploymentHistory(DUSHANBE);
        assertFalse(history.getData().isEmpty());
        assertEquals(DUSHANBE.toString(), history.getData().get(0).getEntityId());
        HistoryApi feed = new HistoryApi(client(null));
        ChangePage first = feed.listChanges(null, 5, null);
        assertEquals(5, first.getData().size());
        assertNotNull(first.getNextCursor(), "the feed always says where to poll next");
        ChangePage second = feed.listChanges(null, 5, first.getNextCursor());
        assertTrue(second.getData().get(0).getId() > first.getData().get(4).getId(), "in commit order, no repeats");
    }

    @Test
    void createsASourceOnceWithAnIdempotencyKeyThenPatchesItUnderIfMatch() throws ApiException {
        SourcesApi sources = new SourcesApi(client(ApiKeyTest.newKey("editor")));
        SourceInput input = new SourceInput().kind(SourceKind.REPORT).title("[test] generated client source")
                .language("en").url("https://example.org/report").changeReason("added by the generated client test");
        String key = UUID.randomUUID().toString();
        Source created = sources.createSource(input, key);
        Source retried = sources.createSource(input, key);
        assertEquals(created.getId(), retried.getId(), "a retry with the same Idempotency-Key writes nothing new");

        ApiResponse<Source> read = sources.getSourceWithHttpInfo(created.getId(), null);
        String etag = read.getHeaders().get("etag").get(0);
        Source patched = sources.patchSource(created.getId(),
                Map.of("title", "[test] generated client source, renamed", "change_reason", "a clearer title"), etag);
        assertEquals("[test] generated client source, renamed", patched.getTitle());

        ApiException stale = assertThrows(ApiException.class, () -> sources.patchSource(created.getId(),
                Map.of("title", "[test] lost update", "change_reason", "written from a stale copy"), etag));
        assertEquals(412, stale.getCode());
        assertTrue(stale.getResponseBody().contains("\"status\":412"), stale.getResponseBody());
    }

    @Test
    void exportsCsvWithTheDocumentedColumns() throws Exception {
        File csv = new ExportsApi(client(null)).exportDeployments(ExportsApi.APIExportDeploymentsRequest.newBuilder()
                .country(List.of("TJ")).build());
        List<String> lines = Files.readAllLines(csv.toPath());
        List<String> documented = new ArrayList<>();
        OpenApiContract.get().at("/paths/~1api~1v1~1exports~1deployments/get/responses/200/content/text~1csv/schema/x-csv-columns")
                .forEach(c -> documented.add(c.asText()));
        assertEquals(String.join(",", documented), lines.get(0));
        Set<String> ids = new HashSet<>();
        lines.subList(1, lines.size()).forEach(line -> ids.add(line.substring(0, 36)));
        List<String> listed = given().queryParam("country", "TJ").queryParam("limit", 500)
                .get("/api/v1/deployments").then().statusCode(200).extract().path("data.id");
        assertEquals(new HashSet<>(listed), ids);
    }
}
