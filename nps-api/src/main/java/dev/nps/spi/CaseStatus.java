package dev.nps.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a follow-up case stands: open, then contacted, then resolved or won't fix. A case can be closed as won't
 * fix without contact (e.g. the contact cannot be reached); it cannot be resolved without a contact.
 *
 * @since 0.1
 */
public enum CaseStatus {
    OPEN,
    CONTACTED,
    RESOLVED,
    WONT_FIX;

    /** @return the statuses this one may move to */
    public Set<CaseStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(CONTACTED, WONT_FIX);
            case CONTACTED -> EnumSet.of(RESOLVED, WONT_FIX);
            case RESOLVED, WONT_FIX -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    /** @return whether the case is closed */
    public boolean closed() {
        return this == RESOLVED || this == WONT_FIX;
    }
}
