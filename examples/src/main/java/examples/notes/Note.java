package examples.notes;

/**
 * One note.
 *
 * @param id    its number
 * @param title a short title, never blank
 * @param body  the text, maybe empty
 */
public record Note(int id, String title, String body) {
}
