package io.gatehouse.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BindAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        127.0.0.1:8000    | 127.0.0.1:8000  | http://127.0.0.1:8000/
        0.0.0.0:80        | 0.0.0.0:80      | http://0.0.0.0:80/
        [::1]:8000        | [::1]:8000      | http://[::1]:8000/
        [::]:9000         | [::]:9000       | http://[::]:9000/
        [0:0:0:0:0:0:0:1]:1 | [::1]:1       | http://[::1]:1/
        8000              | 127.0.0.1:8000  | http://127.0.0.1:8000/
        :8001             | 127.0.0.1:8001  | http://127.0.0.1:8001/
        127.0.0.1:0       | 127.0.0.1:0     | http://127.0.0.1:0/
        """)
    void readsEveryAcceptedForm(String value, String hostPort, String url) {
        InetSocketAddress address = BindAddress.parse(value);
        assertEquals(hostPort, BindAddress.hostPort(address).replace("0:0:0:0:0:0:0:1", "::1")
            .replace("[0:0:0:0:0:0:0:0]", "[::]"));
        assertEquals(url, BindAddress.url(address).replace("0:0:0:0:0:0:0:1", "::1")
            .replace("[0:0:0:0:0:0:0:0]", "[::]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        127.0.0.1         | '127.0.0.1' has no valid port (0-65535)
        127.0.0.1:        | '127.0.0.1:' has no valid port (0-65535)
        127.0.0.1:65536   | '127.0.0.1:65536' has no valid port (0-65535)
        127.0.0.1:-1      | '127.0.0.1:-1' has no valid port (0-65535)
        127.0.0.1:http    | '127.0.0.1:http' has no valid port (0-65535)
        ::1:8000          | '::1:8000': write an IPv6 address in brackets, e.g. [::1]:8000
        [::1]8000         | '[::1]8000' is not [IPv6]:PORT, e.g. [::1]:8000
        [::1              | '[::1' is not [IPv6]:PORT, e.g. [::1]:8000
        no-such-host.invalid:80 | 'no-such-host.invalid:80': unknown host 'no-such-host.invalid'
        """)
    void namesWhatIsWrongWithABadValue(String value, String message) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> BindAddress.parse(value));
        assertEquals(message, failure.getMessage());
    }
}
