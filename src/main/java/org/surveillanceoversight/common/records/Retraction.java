package org.surveillanceoversight.common.records;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Why a record was retracted, by whom and when; null on a record that stands. */
@Schema(name = "Retraction", description = "Present only on a retracted record: it stays readable and says why")
public record Retraction(Instant at, String by, String reason) {

    public static Retraction of(PublishableRecord record) {
        return record.publication == Publication.retracted
                ? new Retraction(record.retractedAt, record.retractedBy, record.retractionReason) : null;
    }
}
