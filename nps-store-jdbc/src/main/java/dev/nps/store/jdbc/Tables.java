package dev.nps.store.jdbc;

/** Table names with the configured prefix. */
record Tables(String prefix) {
    String surveys() {
        return prefix + "surveys";
    }

    String contacts() {
        return prefix + "contacts";
    }

    String contactAttributes() {
        return prefix + "contact_attributes";
    }

    String responses() {
        return prefix + "responses";
    }

    String responseAttributes() {
        return prefix + "response_attributes";
    }

    String responseTags() {
        return prefix + "response_tags";
    }

    String history() {
        return prefix + "schema_history";
    }
}
