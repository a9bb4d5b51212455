package dev.nps.channels.sms;

/**
 * The character encoding a short message travels in. One character outside GSM-7 switches the whole message
 * to UCS-2, which more than halves how much text fits in a segment.
 *
 * @since 0.1
 */
public enum SmsEncoding {
    /** The GSM 03.38 default alphabet with its extension table: 160 septets in one segment, 153 per part when split. */
    GSM7(160, 153),
    /** UTF-16 code units: 70 in one segment, 67 per part when split. */
    UCS2(70, 67);

    private final int singleSegmentCapacity;
    private final int multipartSegmentCapacity;

    SmsEncoding(int single, int multipart) {
        this.singleSegmentCapacity = single;
        this.multipartSegmentCapacity = multipart;
    }

    /** @return the units (septets or UTF-16 code units) that fit in a message of one segment */
    public int singleSegmentCapacity() {
        return singleSegmentCapacity;
    }

    /** @return the units that fit in each part of a concatenated message (the rest carries the part header) */
    public int multipartSegmentCapacity() {
        return multipartSegmentCapacity;
    }
}
