package org.surveillanceoversight.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.seed.SeedIds;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vendors, countries, localities, sources and the capability taxonomy, each listed and fetched by ID. */
@QuarkusTest
public class CollectionsTest {

    static final String HIKVISION = SeedIds.of("vendor", "hikvision").toString();
    static final String MEMO = SeedIds.of("source", "ponars-marat-2018").toString();

    @Test
    void vendorsCarryRestrictionsFindingsAndTheirDeployments() {
        given().get("/api/v1/vendors").then().statusCode(200)
                .body("data.name", hasItems("CASIC", "Dahua Technology", "Hikvision", "Huawei", "ZTE"))
                .body("data.find { it.name == 'Huawei' }.restrictions.jurisdiction", hasItems("AU", "US"))
                .body("data.find { it.name == 'Huawei' }.findings.kind", hasItems("vendor_footprint", "state_link"));
        given().get("/api/v1/vendors/" + HIKVISION).then().statusCode(200)
                .body("restrictions[0].kind", equalTo("entity_list"))
                .body("restrictions[0].effective_on", equalTo("2019-10-09"))
                .body("restrictions[0].citations.source.title", hasItem("Addition of Certain Entities to the Entity List"))
                .body("deployments.count", equalTo(2))
                .body("deployments.href", equalTo("/api/v1/deployments?vendor=" + HIKVISION))
                .body("aliases.alias", hasItem("海康威视"));
        given().get("/api/v1/deployments?vendor=" + HIKVISION).then().body("data", hasSize(2));
        given().queryParam("q", "海康").get("/api/v1/vendors").then().body("data.name", equalTo(List.of("Hikvision")));
        given().get("/api/v1/vendors?restricted=true").then().body("data.name", hasItems("Dahua Technology", "Hikvision"))
                .body("data.name", not(hasItem("CASIC")));
        given().get("/api/v1/vendors?country=CN&limit=2").then().body("data", hasSize(2))
                .header("Link", containsString("rel=\"next\""));
        given().get("/api/v1/vendors/nope").then().statusCode(400);
        given().get("/api/v1/vendors/" + MEMO).then().statusCode(404);
        given().get("/api/v1/vendors?sort=name").then().statusCode(400).body("errors.field", hasItem("sort"));
    }

    @Test
    void countriesAreTheFullIsoListWithTheirDeploymentsAndFindings() {
        int total = 0;
        String cursor = null;
        do {
            var page = given().get("/api/v1/countries?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).jsonPath();
            total += page.getList("data").size();
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertEquals(249, total);
        given().get("/api/v1/countries?region=Central Asia").then()
                .body("data.code", equalTo(List.of("KG", "KZ", "TJ", "TM", "UZ")));
        given().get("/api/v1/countries?has_deployments=true").then().body("data.code", hasItems("KG", "TJ", "UA"));
        given().get("/api/v1/countries/ua").then().statusCode(200)
                .body("alpha3", equalTo("UKR"))
                .body("deployments.count", equalTo(3))
                .body("findings.kind", hasItems("customer_country", "political_use"));
        given().get("/api/v1/countries/UKR").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/countries/ZZ").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void localitiesAreFoundByAnyOfTheirNames() {
        given().queryParam("q", "Киев").get("/api/v1/localities").then().statusCode(200)
                .body("data.name_en", equalTo(List.of("Kyiv", "Kyiv region")));
        given().queryParam("q", "Kurgan").get("/api/v1/localities").then().body("data.name_en", equalTo(List.of("Bokhtar")));
        given().get("/api/v1/localities?country=TJ").then().body("data.name_en", equalTo(List.of("Bokhtar", "Dushanbe")))
                .body("data[1].deployments.count", equalTo(2));
        String kyiv = SeedIds.of("locality", "kyiv").toString();
        given().get("/api/v1/localities/" + kyiv).then().statusCode(200).body("name_local", equalTo("Київ"))
                .body("latitude", equalTo(50.4501f));
    }

    @Test
    void sourcesSayHowOftenTheyAreCited() {
        given().get("/api/v1/sources?kind=news&limit=500").then().statusCode(200)
                .body("data.publisher", hasItems("Asia-Plus", "Mondaq"));
        given().get("/api/v1/sources/" + MEMO).then().statusCode(200)
                .body("authors", equalTo(List.of("Erica Marat")))
                .body("cited_by", greaterThan(30));
        given().get("/api/v1/sources?kind=blog").then().statusCode(400).body("errors.field", hasItem("kind"));
        given().get("/api/v1/sources?language=English").then().statusCode(400).body("errors.field", hasItem("language"));
    }

    @Test
    void theCapabilityTaxonomyIsFixedAndCounted() {
        given().get("/api/v1/capabilities").then().statusCode(200).body("data", hasSize(16))
                .body("data.code", hasItems("face_identification_realtime", "integrated_command_centre"));
        given().get("/api/v1/capabilities/automated_traffic_enforcement").then().statusCode(200)
                .body("deployments.count", greaterThan(0))
                .body("deployments.href", equalTo("/api/v1/deployments?capability=automated_traffic_enforcement"));
        given().get("/api/v1/capabilities/mind_reading").then().statusCode(404);
        given().get("/api/v1/capabilities?limit=3").then().statusCode(400);
    }
}
