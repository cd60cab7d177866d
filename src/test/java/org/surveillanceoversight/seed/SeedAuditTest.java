package org.surveillanceoversight.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule of the seed audit catches the mistake it is for, on a made-up seed. */
class SeedAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "https://example.org/safe-city";
    private static final Map<String, SeedAudit.Excerpt> EXCERPTS = Map.of("paper", new SeedAudit.Excerpt("paper", PAGE,
            "2026-11-30", List.of("The city installed about 4,100 cameras. Over 60 of them read plates. "
                    + "It borrowed $20.9 million from the bank; 855 cameras were counted in 2014.")));

    private static List<String> audit(String deployments, String sources, String countries) throws Exception {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        files.put("sources.json", JSON.readTree(sources));
        files.put("countries.json", JSON.readTree(countries));
        files.put("deployments.json", JSON.readTree(deployments));
        return new SeedAudit(files, EXCERPTS, Map.of("CD", "Congo, The Democratic Republic of the", "TJ", "Tajikistan"))
                .problems();
    }

    private static List<String> audit(String deployments) throws Exception {
        return audit(deployments, "[{\"key\": \"paper\", \"url\": \"" + PAGE + "\"}]",
                "[{\"code\": \"TJ\", \"name\": \"Tajikistan\"}]");
    }

    private static String deployment(String summary, String counts, String financing) {
        return "[{\"key\": \"d\", \"title\": \"Safe City\", \"summary\": \"" + summary + "\", \"camera_counts\": [" + counts
                + "], \"financing\": [" + financing + "], \"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", "
                + "\"quote\": \"Over 60 of them read plates.\"}]}]";
    }

    private static final String COUNT_855 = "{\"observed_on\": \"2014\", \"total\": 855, \"total_qualifier\": \"exact\", "
            + "\"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": \"855 cameras were counted in 2014.\"}]}";
    private static final String LOAN = "{\"key\": \"loan\", \"amount\": \"20900000.00\", \"amount_qualifier\": \"exact\", "
            + "\"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": \"It borrowed $20.9 million from the bank;\"}]}";

    @Test
    void aSeedThatKeepsTheRulesHasNoProblems() throws Exception {
        assertEquals(List.of(), audit(deployment("855 CCTV cameras, paid with a USD 20.9 million loan.", COUNT_855, LOAN)));
    }

    @Test
    void aQuoteMustBeThereAndInTheStoredExcerpt() throws Exception {
        String missing = "[{\"key\": \"d\", \"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": null}]}]";
        assertEquals(List.of("deployments.json d: a citation of paper has no quote"), audit(missing));
        String invented = "[{\"key\": \"d\", \"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": \"It bought 5,000 cameras.\"}]}]";
        assertEquals(List.of("deployments.json d: quote not in the stored excerpt of paper: \"It bought 5,000 cameras.\""),
                audit(invented));
        String unlocated = "[{\"key\": \"d\", \"citations\": [{\"source\": \"paper\", \"quote\": \"Over 60 of them read plates.\"}]}]";
        assertEquals(List.of("deployments.json d: a citation of paper has no locator"), audit(unlocated));
        String elsewhere = "[{\"key\": \"d\", \"citations\": [{\"source\": \"memo\", \"locator\": \"paragraph 1\", \"quote\": \"x\"}]}]";
        assertEquals(List.of("deployments.json d: cites memo, which has no stored excerpt"), audit(elsewhere));
    }

    @Test
    void aFigureInTheTextIsHeldByARecord() throws Exception {
        List<String> problems = audit(deployment("4,100 surveillance cameras and a $22 million budget in 2013, phase 2. "
                        + "In 2014 new cameras were added; phase 3 cameras are planned.",
                COUNT_855, LOAN));
        assertEquals(List.of(
                "deployments d: \"4,100 surveillance cameras\" in the title or summary, but no camera count holds 4100",
                "deployments d: \"$22 million\" in the text, but no financing or figure holds 22000000"), problems);
    }

    @Test
    void anExactFigureIsNotHedgedAndIsInItsQuote() throws Exception {
        String hedged = "{\"observed_on\": \"2018\", \"total\": 4100, \"total_qualifier\": \"exact\", "
                + "\"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": \"The city installed about 4,100 cameras.\"}]}";
        String absent = "{\"observed_on\": \"2018\", \"total\": 4000, \"total_qualifier\": \"exact\", "
                + "\"citations\": [{\"source\": \"paper\", \"locator\": \"paragraph 1\", \"quote\": \"The city installed about 4,100 cameras.\"}]}";
        String approximate = hedged.replace("\"exact\"", "\"approximately\"");
        List<String> problems = audit(deployment("", hedged + "," + absent + "," + approximate, ""));
        assertEquals(List.of(
                "deployments d camera count 2018: total 4100 is exact, but quoted as \"The city installed about 4,100\"",
                "deployments d camera count 2018: total 4000 is exact, but no quote of it gives the figure as written"),
                problems);
    }

    @Test
    void figuresWrittenWithScaleWordsAreRecognised() {
        assertTrue(SeedAudit.scaledForms(new BigDecimal("5791000000")).contains("5 млрд. 791 миллион"));
        assertTrue(SeedAudit.scaledForms(new BigDecimal("12500")).contains("12,5 min"));
        assertTrue(SeedAudit.scaledForms(new BigDecimal("167000")).contains("167 тысяч"));
        assertTrue(SeedAudit.scaledForms(new BigDecimal("1125000000")).contains("1,125 billion"));
    }

    @Test
    void everySourceHasAnExcerptFromItsOwnAddressAndCountriesUseIsoNames() throws Exception {
        List<String> problems = audit("[]", "[{\"key\": \"paper\", \"url\": \"https://example.org/other\"}, "
                        + "{\"key\": \"memo\", \"url\": \"https://example.org/memo\"}]",
                "[{\"code\": \"CD\", \"name\": \"Congo - Kinshasa\"}, {\"code\": \"XK\", \"name\": \"Kosovo\"}]");
        assertTrue(problems.contains("sources paper: the excerpt was read at " + PAGE + ", the source names https://example.org/other"),
                problems.toString());
        assertTrue(problems.contains("sources memo: no stored excerpt of its page"), problems.toString());
        assertTrue(problems.contains("countries CD: named \"Congo - Kinshasa\", ISO 3166-1 says \"Congo, The Democratic Republic of the\""),
                problems.toString());
        assertTrue(problems.contains("countries XK: not an ISO 3166-1 alpha-2 code"), problems.toString());
    }
}
