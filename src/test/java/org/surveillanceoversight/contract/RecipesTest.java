package org.surveillanceoversight.contract;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.surveillanceoversight.tools.ExternalTools;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every code block of docs/RECIPES.md, read from the file itself, against the service: shell
 * with bash, Python with Debian's python3, R with Rscript. Each must exit 0 and print what the
 * comment before it expects.
 */
@QuarkusTest
public class RecipesTest {

    static final Path RECIPES = Path.of("docs", "RECIPES.md");
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- expect: (.+?) -->\\n```(sh|python|r)\\n(.*?)\\n```", Pattern.DOTALL);

    @TestHTTPResource("/")
    URL base;

    record Recipe(String language, String code, String expected, int line) {
    }

    static List<Recipe> recipes() throws IOException {
        String text = Files.readString(RECIPES);
        List<Recipe> recipes = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = text.substring(0, m.start()).split("\n", -1).length;
            recipes.add(new Recipe(m.group(2), m.group(3), m.group(1), line));
        }
        return recipes;
    }

    @Test
    void everyBlockOfTheRecipesHasAnExpectation() throws IOException {
        long fenced = Files.readString(RECIPES).lines().filter(l -> l.matches("```(sh|python|r)")).count();
        assertEquals(fenced, recipes().size(), "every code block in " + RECIPES + " needs an <!-- expect: ... --> line before it");
        assertTrue(recipes().size() >= 6);
    }

    @Test
    void everyRecipeRunsAgainstTheService() throws IOException {
        ExternalTools.require("bash", "bash");
        ExternalTools.require("curl", "curl");
        ExternalTools.require("jq", "jq");
        ExternalTools.require("/usr/bin/python3", "Debian's Python 3");
        ExternalTools.require("Rscript", "R");
        Path dir = Files.createTempDirectory("recipes");
        Map<String, String> env = Map.of("OVERSIGHT_API", base.toString().replaceAll("/$", ""));
        for (Recipe recipe : recipes()) {
            Path file = dir.resolve("recipe-" + recipe.line() + switch (recipe.language()) {
                case "sh" -> ".sh";
                case "python" -> ".py";
                default -> ".R";
            });
            Files.writeString(file, recipe.code() + "\n");
            String[] command = switch (recipe.language()) {
                case "sh" -> new String[] {"bash", "-euo", "pipefail", file.toString()};
                case "python" -> new String[] {"/usr/bin/python3", file.toString()};
                default -> new String[] {"Rscript", file.toString()};
            };
            ExternalTools.Run run = ExternalTools.run(dir, env, 300, command);
            String where = RECIPES + " line " + recipe.line() + " (" + recipe.language() + ")";
            if (run.output().contains("No module named") || run.output().contains("there is no package called")) {
                org.junit.jupiter.api.Assertions.fail(where + " needs a library that is not installed:\n" + run.output()
                        + "\nInstall the test tools with:\n  " + ExternalTools.INSTALL_LINE);
            }
            assertEquals(0, run.exitCode(), where + " failed:\n" + run.output());
            assertTrue(run.output().contains(recipe.expected()), where + " did not print '" + recipe.expected() + "':\n"
                    + run.output());
        }
    }
}
