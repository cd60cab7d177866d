package org.surveillanceoversight.seed;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's rules that a reader would otherwise check by hand, over the seed files as JSON:
 * every citation has a quote, and the quote is in the stored excerpt of its source's page; a
 * camera count or an amount of money named in a title or summary is held by one of the record's
 * observations or financing records; a figure marked {@code exact} is not quoted with "about",
 * "over", "some", "more than" or "at least" (or their Russian and Ukrainian forms) and appears in
 * its quote as written; country names are ISO 3166-1's English short names.
 */
final class SeedAudit {

    /** The stored paragraphs of one source's page, with where and when they were read. */
    record Excerpt(String source, String url, String readOn, List<String> passages) {
    }

    private static final Pattern CAMERAS = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+))?"
                    + "(?:\\s+(thousand|million))?\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:cameras?|CCTV)\\b");
    private static final Pattern MONEY = Pattern.compile(
            "(?:(?:USD|US\\$|\\$|EUR|€|RMB)\\s?(\\d+(?:\\.\\d+)?)\\s*(million|billion)?)"
                    + "|(?:(\\d+(?:\\.\\d+)?)\\s*(million|billion)\\s+(?:USD|US dollars|dollars|euros?|EUR|RMB|yuan))");
    private static final Pattern HEDGE = Pattern.compile("(?iU)\\b(?:about|over|some|more than|at least|around|almost|nearly"
            + "|approximately|roughly|up to|close to|около|более|свыше|почти|порядка|близько|понад|майже|більше)"
            + "[\\s\\p{Punct}$]*$");

    private final Map<String, JsonNode> files;
    private final Map<String, Excerpt> excerpts;
    private final Map<String, String> isoNames;
    private final List<String> problems = new ArrayList<>();

    /**
     * @param files    seed files by name ("deployments.json" and so on)
     * @param excerpts stored excerpts by source key
     * @param isoNames ISO 3166-1 English short names by alpha-2 code
     */
    SeedAudit(Map<String, JsonNode> files, Map<String, Excerpt> excerpts, Map<String, String> isoNames) {
        this.files = files;
        this.excerpts = excerpts;
        this.isoNames = isoNames;
    }

    List<String> problems() {
        problems.clear();
        excerpts();
        for (Map.Entry<String, JsonNode> file : files.entrySet()) {
            citations(file.getKey(), file.getValue());
        }
        for (JsonNode d : records("deployments.json")) {
            String at = "deployments " + d.path("key").asText();
            figuresInText(at, d);
            for (JsonNode c : d.path("camera_counts")) {
                exact(at + " camera count " + c.path("observed_on").asText(), c, "total", "total_qualifier", false);
                exact(at + " camera count " + c.path("observed_on").asText(), c, "facial_recognition",
                        "facial_recognition_qualifier", false);
                exact(at + " camera count " + c.path("observed_on").asText(), c, "plate_reading",
                        "plate_reading_qualifier", false);
            }
            for (JsonNode f : d.path("financing")) {
                exact(at + " financing " + f.path("key").asText(), f, "amount", "amount_qualifier", true);
            }
        }
        for (JsonNode f : records("findings.json")) {
            String at = "findings " + f.path("key").asText();
            money(at, f.path("summary").asText(""), amounts(List.of(f)));
            exact(at, f, "amount", "figure_qualifier", true);
            exact(at, f, "programs", "figure_qualifier", false);
            exact(at, f, "countries", "figure_qualifier", false);
        }
        for (JsonNode c : records("countries.json")) {
            String code = c.path("code").asText();
            String iso = isoNames.get(code);
            if (iso == null) {
                problems.add("countries " + code + ": not an ISO 3166-1 alpha-2 code");
            } else if (!iso.equals(c.path("name").asText())) {
                problems.add("countries " + code + ": named \"" + c.path("name").asText() + "\", ISO 3166-1 says \"" + iso + "\"");
            }
        }
        return List.copyOf(problems);
    }

    private Iterable<JsonNode> records(String file) {
        JsonNode node = files.get(file);
        return node == null ? List.of() : node;
    }

    /** Each source has its excerpt, read from the source's own address, on a real date. */
    private void excerpts() {
        Set<String> keys = new HashSet<>();
        for (JsonNode s : records("sources.json")) {
            String key = s.path("key").asText();
            keys.add(key);
            Excerpt e = excerpts.get(key);
            if (e == null) {
                problems.add("sources " + key + ": no stored excerpt of its page");
                continue;
            }
            if (!s.path("url").asText("").equals(e.url()) && !s.path("archived_url").asText("").equals(e.url())) {
                problems.add("sources " + key + ": the excerpt was read at " + e.url() + ", the source names " + s.path("url").asText(null));
            }
            try {
                LocalDate.parse(e.readOn());
            } catch (DateTimeParseException | NullPointerException ex) {
                problems.add("sources " + key + ": the excerpt's read_on is not a date: " + e.readOn());
            }
            if (e.passages() == null || e.passages().isEmpty()) {
                problems.add("sources " + key + ": the excerpt holds no passage");
            }
        }
        for (String key : new TreeSet<>(excerpts.keySet())) {
            if (!keys.contains(key)) {
                problems.add("excerpt " + key + ": no source has this key");
            }
        }
    }

    /** Every citation anywhere in a file quotes its source, and the quote is in the source's stored excerpt. */
    private void citations(String at, JsonNode node) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                citations(at + (child.has("key") ? " " + child.get("key").asText() : "[" + i + "]"), child);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("citations")) {
                for (JsonNode c : field.getValue()) {
                    quote(at, c);
                }
            } else {
                citations(at + "." + field.getKey(), field.getValue());
            }
        }
    }

    private void quote(String at, JsonNode citation) {
        String source = citation.path("source").asText();
        String quote = citation.path("quote").asText("");
        if (quote.isBlank()) {
            problems.add(at + ": a citation of " + source + " has no quote");
            return;
        }
        if (citation.path("locator").asText("").isBlank()) {
            problems.add(at + ": a citation of " + source + " has no locator");
        }
        Excerpt e = excerpts.get(source);
        if (e == null) {
            problems.add(at + ": cites " + source + ", which has no stored excerpt");
            return;
        }
        String wanted = spaced(quote);
        if (e.passages() == null || e.passages().stream().noneMatch(p -> spaced(p).contains(wanted))) {
            problems.add(at + ": quote not in the stored excerpt of " + source + ": \"" + quote + "\"");
        }
    }

    /** Camera counts and money in a deployment's title and summary are held by its observations and financing. */
    private void figuresInText(String at, JsonNode d) {
        String text = d.path("title").asText("") + " " + d.path("summary").asText("");
        Set<Long> counts = new HashSet<>();
        for (JsonNode c : d.path("camera_counts")) {
            for (String f : List.of("total", "total_upper", "facial_recognition", "plate_reading")) {
                if (c.path(f).isNumber()) {
                    counts.add(c.path(f).asLong());
                }
            }
        }
        Matcher m = CAMERAS.matcher(text);
        while (m.find()) {
            if (yearOrPhase(text, m)) {
                continue;
            }
            int scale = "thousand".equals(m.group(3)) ? 1_000 : "million".equals(m.group(3)) ? 1_000_000 : 1;
            for (int g = 1; g <= 2; g++) {
                if (m.group(g) == null) {
                    continue;
                }
                BigDecimal figure = new BigDecimal(m.group(g).replace(",", "")).multiply(BigDecimal.valueOf(scale));
                if (figure.stripTrailingZeros().scale() > 0 || !counts.contains(figure.longValue())) {
                    problems.add(at + ": \"" + m.group() + "\" in the title or summary, but no camera count holds "
                            + figure.stripTrailingZeros().toPlainString());
                }
            }
        }
        List<JsonNode> financing = new ArrayList<>();
        d.path("financing").forEach(financing::add);
        money(at, text, amounts(financing));
    }

    /** "In 2019 new cameras" and "phase 2 cameras" name a year or a phase, not a number of cameras. */
    private static boolean yearOrPhase(String text, Matcher m) {
        String number = m.group(1);
        boolean wordsBetween = !text.substring(m.end(1), m.end()).trim().matches("(?i)(?:-\\s*)?(?:cameras?|CCTV)");
        boolean year = m.group(2) == null && number.matches("(19|20)\\d\\d") && wordsBetween;
        boolean phase = text.substring(0, m.start()).matches("(?is).*\\b(?:phase|stage)\\s*$");
        return year || phase;
    }

    private static Set<BigDecimal> amounts(List<JsonNode> records) {
        Set<BigDecimal> amounts = new HashSet<>();
        for (JsonNode r : records) {
            for (String f : List.of("amount", "amount_usd")) {
                if (!r.path(f).isMissingNode() && !r.path(f).isNull()) {
                    amounts.add(new BigDecimal(r.path(f).asText()).stripTrailingZeros());
                }
            }
        }
        return amounts;
    }

    private void money(String at, String text, Set<BigDecimal> held) {
        Matcher m = MONEY.matcher(text);
        while (m.find()) {
            String number = m.group(1) != null ? m.group(1) : m.group(3);
            String scale = m.group(1) != null ? m.group(2) : m.group(4);
            BigDecimal value = new BigDecimal(number);
            if ("million".equals(scale)) {
                value = value.movePointRight(6);
            } else if ("billion".equals(scale)) {
                value = value.movePointRight(9);
            }
            if (!held.contains(value.stripTrailingZeros())) {
                problems.add(at + ": \"" + m.group().trim() + "\" in the text, but no financing or figure holds "
                        + value.toPlainString());
            }
        }
    }

    /** An exact figure is in one of its quotes as written, and never after a hedge such as "about" or "over". */
    private void exact(String at, JsonNode record, String field, String qualifierField, boolean money) {
        JsonNode value = record.path(field);
        if (value.isMissingNode() || value.isNull() || !"exact".equals(record.path(qualifierField).asText())) {
            return;
        }
        List<String> forms = new ArrayList<>(money ? moneyForms(new BigDecimal(value.asText())) : countForms(value.asLong()));
        forms.addAll(scaledForms(new BigDecimal(value.asText())));
        boolean written = false;
        for (JsonNode c : record.path("citations")) {
            String quote = c.path("quote").asText("");
            for (String form : forms) {
                Matcher m = Pattern.compile("(?<![\\d.,])" + Pattern.quote(form) + "(?![\\d]|[.,]\\d)").matcher(quote);
                while (m.find()) {
                    written = true;
                    if (HEDGE.matcher(quote.substring(Math.max(0, m.start() - 30), m.start())).find()) {
                        problems.add(at + ": " + field + " " + value.asText() + " is exact, but quoted as \""
                                + quote.substring(Math.max(0, m.start() - 30), Math.min(quote.length(), m.end())).trim() + "\"");
                    }
                }
            }
        }
        if (!written) {
            problems.add(at + ": " + field + " " + value.asText() + " is exact, but no quote of it gives the figure as written");
        }
    }

    static List<String> countForms(long n) {
        String grouped = String.format(Locale.ROOT, "%,d", n);
        return List.of(Long.toString(n), grouped, grouped.replace(',', ' '), grouped.replace(',', '\u00a0'),
                grouped.replace(',', '\u202f'));
    }

    /**
     * A figure written with a scale word, as the region's sources write them: "13 thousand", "167 тысяч", "12,5 min",
     * "8,4 млрд", "1,125 billion", "5 млрд. 791 миллион".
     */
    static List<String> scaledForms(BigDecimal value) {
        List<String> forms = new ArrayList<>();
        scaled(forms, value, 3, List.of(" thousand", " тысяч", " тысячи", " тыс", " тисяч", " тисячі", " мың", " min"));
        scaled(forms, value, 6, List.of(" million", " млн", " мільйон", " миллион", " миллиона", " миллионов"));
        scaled(forms, value, 9, List.of(" billion", " млрд", " миллиард", " milliard", " mlrd"));
        BigDecimal billions = value.movePointLeft(9);
        BigDecimal whole = billions.setScale(0, RoundingMode.DOWN);
        BigDecimal millions = billions.subtract(whole).movePointRight(3).stripTrailingZeros();
        if (whole.signum() > 0 && millions.signum() > 0 && millions.scale() <= 0) {
            forms.add(whole.toPlainString() + " млрд. " + millions.toPlainString() + " миллион");
        }
        return forms;
    }

    private static void scaled(List<String> forms, BigDecimal value, int power, List<String> words) {
        BigDecimal n = value.movePointLeft(power).stripTrailingZeros();
        if (n.compareTo(BigDecimal.ONE) < 0 || n.scale() > 3) {
            return;
        }
        String dot = n.toPlainString();
        for (String word : words) {
            forms.add(dot + word);
            forms.add(dot.replace('.', ',') + word);
        }
    }

    static List<String> moneyForms(BigDecimal amount) {
        List<String> forms = new ArrayList<>();
        BigDecimal whole = amount.stripTrailingZeros();
        if (whole.scale() <= 0) {
            forms.addAll(countForms(whole.longValueExact()));
        } else {
            forms.add(whole.toPlainString());
        }
        if (amount.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            String millions = amount.movePointLeft(6).stripTrailingZeros().toPlainString();
            for (String word : List.of(" million", " млн", " мільйон", " миллион", " миллиона", " миллионов")) {
                forms.add(millions + word);
                forms.add(millions.replace('.', ',') + word);
            }
        }
        if (amount.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            forms.add(amount.movePointLeft(9).stripTrailingZeros().toPlainString() + " billion");
        }
        return forms;
    }

    private static String spaced(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
