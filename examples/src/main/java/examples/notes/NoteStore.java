package examples.notes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notes, in memory and safe for concurrent requests; a real service would use a database.
 *
 * {@snippet :
 * NoteStore store = new NoteStore();
 * Note note = store.add("Groceries", "milk, eggs");
 * store.find(note.id());   // Optional[Note[id=1, ...]]
 * }
 */
public final class NoteStore {

    private final Map<Integer, Note> notes = new ConcurrentSkipListMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    /** @param title the title @param body the text @return the stored note with its new id */
    public Note add(String title, String body) {
        Note note = new Note(lastId.incrementAndGet(), title, body);
        notes.put(note.id(), note);
        return note;
    }

    /** @param id a note id @return the note, if there is one */
    public Optional<Note> find(int id) {
        return Optional.ofNullable(notes.get(id));
    }

    /** @return every note, oldest first */
    public List<Note> all() {
        return List.copyOf(notes.values());
    }

    /** @param note the new content, by id @return whether a note was replaced */
    public boolean replace(Note note) {
        return notes.replace(note.id(), note) != null;
    }

    /** @param id a note id @return whether a note was removed */
    public boolean remove(int id) {
        return notes.remove(id) != null;
    }
}
