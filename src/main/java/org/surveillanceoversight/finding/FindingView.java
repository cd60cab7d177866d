package org.surveillanceoversight.finding;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.Qualifier;
import org.surveillanceoversight.source.CitationView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A sourced fact about a vendor, a country or the market, with its figures and citations. */
@Schema(name = "Finding")
public record FindingView(UUID id, Finding.Kind kind, String summary, @Schema(nullable = true) String countryCode, @Schema(nullable = true) UUID vendorId,
                          @Schema(nullable = true, description = "When the source made or observed the statement") LocalDate observedOn,
                          @Schema(nullable = true) DatePrecision observedPrecision,
                          @Schema(nullable = true, description = "The date a forecast or plan refers to (\"by 2021\")") LocalDate targetOn,
                          @Schema(nullable = true) DatePrecision targetPrecision,
                          @Schema(nullable = true) Integer programs, @Schema(nullable = true) Integer countries,
                          @Schema(nullable = true, type = SchemaType.STRING) BigDecimal amount, @Schema(nullable = true) String currency,
                          @Schema(nullable = true) Qualifier figureQualifier, List<CitationView> citations) {

    public static FindingView of(Finding f, Map<UUID, List<CitationView>> citations) {
        return new FindingView(f.id, f.kind, f.summary, f.countryCode,
                f.vendorId, f.observedOn, f.observedPrecision, f.targetOn, f.targetPrecision, f.programs, f.countries,
                f.amount, f.currency, f.figureQualifier, citations.getOrDefault(f.id, List.of()));
    }
}
