package io.gatehouse.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Field names that nearly every request carries, as browsers, curl and proxies spell them: a name
 * whose bytes match one exactly is given as that constant instead of a new string, which saves an
 * allocation per field line of a typical head. Any other spelling is decoded as usual, so the
 * name is still exactly what was sent.
 */
final class CommonFieldNames {

    private static final String[] NAMES = {
        "Host", "Accept", "Accept-Encoding", "Accept-Language", "User-Agent", "Connection", "Cookie",
        "Content-Type", "Content-Length", "Transfer-Encoding", "Cache-Control", "Pragma", "Referer",
        "Origin", "Authorization", "If-None-Match", "If-Modified-Since", "Upgrade-Insecure-Requests",
        "Sec-Fetch-Site", "Sec-Fetch-Mode", "Sec-Fetch-Dest", "Sec-Fetch-User", "Sec-Ch-Ua",
        "Sec-Ch-Ua-Mobile", "Sec-Ch-Ua-Platform", "Priority", "DNT", "Expect", "Range", "TE",
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Real-IP", "X-Request-ID",
        "Forwarded", "Via", "Keep-Alive", "Upgrade", "Accept-Charset",
        "host", "accept", "accept-encoding", "accept-language", "user-agent", "connection", "cookie",
        "content-type", "content-length", "x-forwarded-for", "x-forwarded-proto",
    };

    /** The names by length, for a lookup that compares only names of the right length. */
    private static final String[][] BY_LENGTH = byLength();

    private CommonFieldNames() {
    }

    /** @return the name in {@code line[0, length)}: a shared constant when it is a common one */
    static String decode(byte[] line, int length) {
        if (length < BY_LENGTH.length) {
            for (String name : BY_LENGTH[length]) {
                if (matches(name, line)) {
                    return name;
                }
            }
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Compares from the end, where names sharing a prefix ("Accept-...") differ. */
    private static boolean matches(String name, byte[] line) {
        for (int i = name.length() - 1; i >= 0; i--) {
            if (line[i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String[][] byLength() {
        int longest = 0;
        for (String name : NAMES) {
            longest = Math.max(longest, name.length());
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            lists.add(new ArrayList<>());
        }
        for (String name : NAMES) {
            lists.get(name.length()).add(name);
        }
        String[][] table = new String[longest + 1][];
        for (int i = 0; i <= longest; i++) {
            table[i] = lists.get(i).toArray(new String[0]);
        }
        return table;
    }
}
