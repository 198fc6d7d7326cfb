package io.gatehouse.appserver;

import java.io.IOException;

/**
 * {@code --user}, {@code --group} and {@code --umask}: who the master and its workers run as once the
 * socket is bound.
 *
 * <p>Where the drop happens: in the master, after binding the socket and writing the pid file and
 * before spawning any worker. Workers then start as the unprivileged user from their first
 * instruction (a worker JVM never runs application code as root), the master can still signal them
 * and dump their threads ({@code jcmd} attaches only to a JVM of the same user), and the socket,
 * already bound, keeps its privileged port. The cost: the master cannot remove a pid file from a
 * directory the user may not write (it says so), and cannot bind anything new (it never does).
 * The umask is set first thing, so the socket file of a Unix bind, the pid file and every file the
 * workers create get it; workers inherit it.
 *
 * {@snippet :
 * Privileges privileges = Privileges.parse("nobody", null, "027");
 * Privileges.Ids ids = privileges.resolve();   // one-line IllegalArgumentException for an unknown user
 * privileges.applyUmask();
 * // ... bind, write the pid file ...
 * privileges.drop(ids);
 * }
 *
 * @param user  a user name or numeric uid, or {@code null} to stay who we are
 * @param group a group name or numeric gid, or {@code null} for the user's primary group
 * @param umask the file mode creation mask, or -1 to keep the inherited one
 */
public record Privileges(String user, String group, int umask) {

    /** Keep everything as it is. */
    public static final Privileges NONE = new Privileges(null, null, -1);

    /**
     * @param user  {@code --user} or {@code null}
     * @param group {@code --group} or {@code null}
     * @param umask {@code --umask} in octal ({@code 027}, {@code 0o027}), or {@code null}
     * @return the privileges
     * @throws IllegalArgumentException when the umask is not octal from 0 to 777
     */
    public static Privileges parse(String user, String group, String umask) {
        return new Privileges(user, group, umask == null ? -1 : octal(umask));
    }

    /**
     * Looks the user and group up (before binding, so a typo fails fast).
     *
     * @return the ids to become, or {@code null} when neither a user nor a group was given
     * @throws IllegalArgumentException naming the unknown user or group
     */
    public Ids resolve() {
        if (user == null && group == null) {
            return null;
        }
        Libc.Account account = user == null ? Libc.user(Libc.geteuid()) : lookUpUser(user);
        if (account == null) {
            throw new IllegalArgumentException("--user: no user '" + user + "'");
        }
        int gid = group == null ? account.gid() : lookUpGroup(group);
        return new Ids(account.name(), account.uid(), gid);
    }

    /** Sets the umask, if one was given; call before creating any file or socket. */
    public void applyUmask() {
        if (umask >= 0) {
            Libc.umask(umask);
        }
    }

    /**
     * @param ids what {@link #resolve()} returned; nothing happens for {@code null}
     * @throws IOException naming the call that failed, e.g. {@code setuid(65534) failed: Operation not
     *                     permitted} when not started as root
     */
    public void drop(Ids ids) throws IOException {
        if (ids != null) {
            Libc.dropTo(ids.userName(), ids.uid(), ids.gid());
        }
    }

    private static Libc.Account lookUpUser(String user) {
        if (user.chars().allMatch(Character::isDigit) && !user.isEmpty()) {
            int uid = Integer.parseInt(user);
            Libc.Account known = Libc.user(uid);
            return known != null ? known : new Libc.Account(null, uid, uid);
        }
        return Libc.user(user);
    }

    private static int lookUpGroup(String group) {
        if (group.chars().allMatch(Character::isDigit) && !group.isEmpty()) {
            return Integer.parseInt(group);
        }
        int gid = Libc.group(group);
        if (gid < 0) {
            throw new IllegalArgumentException("--group: no group '" + group + "'");
        }
        return gid;
    }

    private static int octal(String text) {
        String digits = text.strip().startsWith("0o") ? text.strip().substring(2) : text.strip();
        try {
            int mask = Integer.parseInt(digits, 8);
            if (mask >= 0 && mask <= 0777) {
                return mask;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--umask: '" + text + "' is not an octal mask from 0 to 777");
    }

    /** @param userName the user's name ({@code null} for a bare uid) @param uid user id @param gid group id */
    public record Ids(String userName, int uid, int gid) {
    }
}
