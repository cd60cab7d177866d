package org.surveillanceoversight.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.surveillanceoversight.common.records.DatePrecision;
import org.surveillanceoversight.common.records.PublishableRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A citable document. */
@Entity
public class Source extends PublishableRecord {

    @Schema(name = "SourceKind")
    public enum Kind {
        report, news, government_record, procurement_record, loan_record, company_statement, court_record, dataset
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String title;
    public String publisher;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> authors = new ArrayList<>();

    public LocalDate publishedOn;
    @Enumerated(EnumType.STRING)
    public DatePrecision publishedPrecision;
    public String url;
    public String archivedUrl;
    public String language;
    public String license;
    /** The version of a dataset, as its publisher names it. */
    public String datasetVersion;
    public String notes;
}
