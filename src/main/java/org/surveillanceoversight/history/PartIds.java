package org.surveillanceoversight.history;

import java.util.UUID;

/**
 * IDs for the new parts of a record. A client's write gets random ones; the seed names every
 * part itself (name-based IDs that are the same on every machine), including parts its input
 * identifies by something else, such as an oversight assessment by its date.
 */
public interface PartIds {

    /** The ID of a new part of this kind, identified in its record by this name. */
    UUID of(String kind, String name);

    /** Whether the writer names parts itself: a part ID in its input that is not current creates the part under it. */
    boolean chosenByWriter();

    /** Random IDs, and part IDs in the input must be current parts: what an API write gets. */
    PartIds RANDOM = new PartIds() {
        @Override
        public UUID of(String kind, String name) {
            return UUID.randomUUID();
        }

        @Override
        public boolean chosenByWriter() {
            return false;
        }
    };
}
