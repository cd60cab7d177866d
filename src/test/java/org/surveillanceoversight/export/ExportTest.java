package org.surveillanceoversight.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every export format, read back by a real parser and compared with the list API. */
@QuarkusTest
public class ExportTest {

    static final String SEEDED = "country=UA&country=TJ&country=KG";
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode list() throws IOException {
        String body = given().get("/api/v1/deployments?limit=500&sort=id&" + SEEDED).then().statusCode(200).extract().asString();
        return json.readTree(body).get("data");
    }

    private static String export(String path, String accept) {
        return given().header("Accept", accept).get("/api/v1/exports/" + path).then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment; filename=")).extract().asString();
    }

    @Test
    void deploymentCsvHasOneRowPerDeploymentMatchingTheList() throws IOException {
        Response response = given().get("/api/v1/exports/deployments?" + SEEDED);
        response.then().statusCode(200).contentType(containsString("text/csv"));
        byte[] bytes = response.asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "RFC 4180 records end with CRLF");
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "no bare LF: no seeded value holds a line break");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        JsonNode list = list();
        assertEquals(list.size(), rows.size());
        Map<String, CSVRecord> byId = rows.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r));
        for (JsonNode d : list) {
            CSVRecord row = byId.get(d.get("id").asText());
            assertEquals(d.get("title").asText(), row.get("title"));
            assertEquals(d.get("country").get("code").asText(), row.get("country_code"));
            assertEquals(d.get("status").asText(), row.get("status"));
            assertEquals(d.get("oversight").get("label").asText(), row.get("oversight_label"));
            JsonNode counts = d.get("camera_counts");
            assertEquals(counts.isEmpty() || counts.get(0).get("total").isNull() ? "" : counts.get(0).get("total").asText(),
                    row.get("cameras"), "the latest observation's total, blank when it has none");
            assertEquals(String.valueOf(!d.get("financing").isEmpty()), row.get("financed"));
        }
        CSVRecord kyiv = rows.stream().filter(r -> r.get("title").startsWith("Kyiv Safe City")).findFirst().orElseThrow();
        assertEquals("over", kyiv.get("facial_recognition_qualifier"));
        assertEquals("Hikvision (integrator); Hikvision (supplier); Huawei (integrator)", kyiv.get("vendors"));
        assertEquals("Kyiv", kyiv.get("localities"));
    }

    @Test
    void deploymentNdjsonIsTheListsRepresentationLineByLine() throws IOException {
        String body = export("deployments?" + SEEDED, "application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        List<JsonNode> list = new ArrayList<>();
        list().forEach(list::add);
        Comparator<JsonNode> byId = Comparator.comparing(n -> n.get("id").asText());
        lines.sort(byId);
        list.sort(byId);
        assertEquals(list, lines);
    }

    @Test
    void geoJsonPlacesDeploymentsAtTheirLocalities() throws IOException {
        JsonNode collection = json.readTree(given().get("/api/v1/exports/deployments?format=geojson&" + SEEDED)
                .then().statusCode(200).contentType(containsString("application/geo+json")).extract().asString());
        assertEquals("FeatureCollection", collection.get("type").asText());
        JsonNode features = collection.get("features");
        assertEquals(list().size(), features.size());
        JsonNode kyiv = StreamSupport.stream(features.spliterator(), false)
                .filter(f -> f.get("properties").get("title").asText().startsWith("Kyiv Safe City")).findFirst().orElseThrow();
        assertEquals("Point", kyiv.get("geometry").get("type").asText());
        assertEquals(30.5234, kyiv.get("geometry").get("coordinates").get(0).asDouble(), 1e-9, "longitude first");
        assertEquals(50.4501, kyiv.get("geometry").get("coordinates").get(1).asDouble(), 1e-9);
        assertEquals(7848, kyiv.get("properties").get("cameras").asInt(), "the latest observation (start of 2022)");
        JsonNode kyrgyzstan = StreamSupport.stream(features.spliterator(), false)
                .filter(f -> f.get("properties").get("title").asText().startsWith("Kyrgyzstan: interest")).findFirst().orElseThrow();
        assertTrue(kyrgyzstan.get("geometry").isNull(), "no place known: a null geometry, still listed");
    }

    @Test
    void cameraCountExportsListEveryObservation() throws IOException {
        String csv = export("camera-counts?" + SEEDED, "text/csv");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            rows = parser.getRecords();
        }
        int observations = 0;
        for (JsonNode d : list()) {
            observations += d.get("camera_counts").size();
        }
        assertEquals(observations, rows.size());
        List<String> dushanbe = rows.stream().filter(r -> r.get("deployment_title").startsWith("Dushanbe Safe City project"))
                .map(r -> r.get("total") + " " + r.get("total_qualifier")).toList();
        assertEquals("800 over", dushanbe.get(0), "the latest observation first");
        assertEquals(Set.of("855 exact", "870 exact", "850 approximately"), Set.copyOf(dushanbe.subList(1, dushanbe.size())),
                "each source's figure is its own row, the undated ones after the dated");

        String ndjson = given().get("/api/v1/exports/camera-counts?format=ndjson&" + SEEDED).then().statusCode(200)
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertEquals(observations, lines.size());
        JsonNode kyiv = lines.stream().filter(n -> n.get("deployment_title").asText().startsWith("Kyiv Safe City")
                && n.get("facial_recognition").asInt() == 60).findFirst().orElseThrow();
        assertEquals(60, kyiv.get("facial_recognition").asInt());
        assertEquals("over", kyiv.get("facial_recognition_qualifier").asText());
        assertTrue(kyiv.get("note").asText().contains("\"Over 60\""), "quotes inside values survive");
    }

    @Test
    void formatsAreChosenByParameterOrAcceptAndCheckedLikeTheList() {
        given().get("/api/v1/exports/camera-counts?format=geojson").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("format"));
        given().get("/api/v1/exports/deployments?country=XX").then().statusCode(400).body("errors.field", hasItem("country"));
        given().header("Accept", "application/xml").get("/api/v1/exports/deployments").then().statusCode(406)
                .contentType("application/problem+json");
        given().header("Accept", "application/geo+json").get("/api/v1/exports/deployments?country=UA").then().statusCode(200)
                .contentType(containsString("geo+json"));
    }

    @Test
    void exportsNegotiateTheirFormatAndFormatWinsOverAccept() throws Exception {
        String csv = "text/csv";
        String ndjson = "application/x-ndjson";
        String[][] cases = {
                // Accept sent, format, the media type served
                {"*/*", null, csv},
                {"text/*", null, csv},
                {"application/json, */*;q=0.1", null, csv},
                {"text/csv;q=0.5, application/x-ndjson", null, ndjson},
                {"application/ndjson", null, ndjson},
                {"application/x-ndjson;q=0, */*", null, csv},
                {"application/json", "csv", csv},
                {"text/csv", "ndjson", ndjson},
        };
        for (String[] c : cases) {
            var request = given().header("Accept", c[0]);
            if (c[1] != null) {
                request = request.queryParam("format", c[1]);
            }
            request.get("/api/v1/exports/camera-counts?country=UA").then().statusCode(200)
                    .contentType(startsWith(c[2]));
        }
        // no Accept at all (REST Assured always sends one): CSV
        java.net.http.HttpResponse<String> bare = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                                + "/api/v1/exports/camera-counts?country=UA")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bare.statusCode());
        assertTrue(bare.headers().firstValue("Content-Type").orElse("").startsWith(csv));
        assertTrue(bare.request().headers().firstValue("Accept").isEmpty());
        // nothing acceptable: a 406 problem that says what is served
        given().header("Accept", "application/json").get("/api/v1/exports/deployments").then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", allOf(containsString("text/csv"), containsString("application/x-ndjson"),
                        containsString("application/geo+json")))
                .body("errors.field", hasItem("Accept"));
        given().header("Accept", "application/geo+json").get("/api/v1/exports/camera-counts").then().statusCode(406)
                .body("detail", allOf(containsString("text/csv"), containsString("application/x-ndjson")));
    }
}
