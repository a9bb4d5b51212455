package dev.nps.cli;

import java.util.List;

/**
 * Which columns of an export the analysis uses and why.
 *
 * @param headers    the header row as read
 * @param score      index of the score column
 * @param scoreWhy   how it was chosen
 * @param date       index of the date column, or -1
 * @param dateFormat how its values are read, or null when there is no date column
 * @param dateWhy    how the column and format were chosen (including any ambiguity), or null
 * @param comment    index of the comment column, or -1
 * @param segments   indexes of the segment columns, in file order
 */
record Columns(List<String> headers, int score, String scoreWhy, int date, DateFormat dateFormat, String dateWhy,
               int comment, List<Integer> segments) {
    Columns {
        headers = List.copyOf(headers);
        segments = List.copyOf(segments);
    }

    String name(int index) {
        return headers.get(index);
    }
}
