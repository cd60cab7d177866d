package org.surveillanceoversight.history;

/** What a client sends to write a record: the record's fields and why it is changed. */
public interface RecordInput {

    /** Why the record is written, kept in its revision; never blank. */
    String changeReason();
}
