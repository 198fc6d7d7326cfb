package io.gatehouse.bench.jmh;

/**
 * The request heads the benchmarks feed: what wrk, curl and a browser send.
 *
 * {@snippet :
 * byte[] head = SampleRequests.BROWSER.getBytes(StandardCharsets.US_ASCII);
 * }
 */
public final class SampleRequests {

    /** wrk's request: request line and Host only (what bench/run's plaintext scenarios send). */
    public static final String WRK = "GET / HTTP/1.1\r\nHost: 127.0.0.1:19000\r\n\r\n";

    /** curl's request: request line, Host, User-Agent and Accept. */
    public static final String CURL = """
        GET /index.html HTTP/1.1\r
        Host: 127.0.0.1:8000\r
        User-Agent: curl/8.5.0\r
        Accept: */*\r
        \r
        """;

    /** A browser's navigation request: 12 field lines, cookies, a query string. */
    public static final String BROWSER = """
        GET /products/list?page=2&sort=price HTTP/1.1\r
        Host: shop.example.com\r
        Connection: keep-alive\r
        Cache-Control: max-age=0\r
        Upgrade-Insecure-Requests: 1\r
        User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r
        Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r
        Sec-Fetch-Site: same-origin\r
        Sec-Fetch-Mode: navigate\r
        Sec-Fetch-Dest: document\r
        Referer: https://shop.example.com/products/list?page=1&sort=price\r
        Accept-Encoding: gzip, deflate, br, zstd\r
        Accept-Language: en-GB,en;q=0.9,de;q=0.8\r
        Cookie: session=4f2a9c1e8b7d6a5f; theme=dark; consent=1\r
        \r
        """;

    private SampleRequests() {
    }
}
